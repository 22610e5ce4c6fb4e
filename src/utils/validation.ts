import { errors } from '@strapi/utils';
import type { z } from 'zod';

/**
 * The one place a public input becomes a typed value or a 400: each input is declared once as a zod schema (types
 * inferred from it), and every issue is reported with the path of its field.
 */
export const fieldError = (path: string, message: string) =>
  new errors.ValidationError(message, { errors: [{ path: path.split('.'), message, name: 'ValidationError', value: undefined }] });

export const parseInput = <Schema extends z.ZodType>(schema: Schema, input: unknown, root = ''): z.infer<Schema> => {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const details = result.error.issues.flatMap((issue) => {
    const keys = issue.code === 'unrecognized_keys' ? issue.keys : [undefined];
    return keys.map((key) => {
      const path = [...(root ? [root] : []), ...issue.path.map(String), ...(key === undefined ? [] : [key])];
      const field = path.join('.') || 'body';
      const message = key === undefined ? issue.message : `${field}: unknown or not allowed`;
      return { path: path.length ? path : ['body'], message: message.startsWith(field) ? message : `${field}: ${message}`, name: 'ValidationError', value: undefined };
    });
  });
  throw new errors.ValidationError(details[0].message, { errors: details });
};
