import { z } from 'zod';
import type { JsonSchema, Parameter } from './types';

/** The JSON Schema (2020-12) of what a zod schema accepts as input: the same declaration the server validates with. */
export const inputSchema = (schema: z.ZodType): JsonSchema => {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
  return rest;
};

/** One query parameter per property of a zod object schema. */
export const queryParameters = (schema: z.ZodType, descriptions: Record<string, string> = {}): Parameter[] => {
  const object = inputSchema(schema) as { properties?: Record<string, JsonSchema>; required?: string[] };
  return Object.entries(object.properties ?? {}).map(([name, property]) => ({
    name,
    in: 'query' as const,
    required: object.required?.includes(name) ?? false,
    ...(descriptions[name] ? { description: descriptions[name] } : {}),
    schema: property,
  }));
};
