import type { Core } from '@strapi/strapi';
import type { JsonSchema } from './types';

/**
 * JSON Schemas of what the content API answers for a content type or component, derived from its schema.json:
 * private attributes are left out, as Strapi's sanitizer leaves them out; relations, media and components appear
 * only when populated, so they are never required.
 */
type Attribute = {
  type: string;
  required?: boolean;
  private?: boolean;
  enum?: string[];
  minLength?: number;
  maxLength?: number;
  min?: number;
  max?: number;
  component?: string;
  repeatable?: boolean;
  multiple?: boolean;
  relation?: string;
  target?: string;
};

const nullable = (schema: JsonSchema, required?: boolean): JsonSchema => (required ? schema : { anyOf: [schema, { type: 'null' }] });

export const schemaName = (uid: string) =>
  uid
    .replace(/^(api|plugin)::/, '')
    .split(/[.-]/)
    .filter((part, index, parts) => index === 0 || part !== parts[index - 1])
    .map((part) => part[0].toUpperCase() + part.slice(1))
    .join('');

const ref = (uid: string) => ({ $ref: `#/components/schemas/${schemaName(uid)}` });

const scalar = (attribute: Attribute): JsonSchema | undefined => {
  const limits = { ...(attribute.minLength !== undefined ? { minLength: attribute.minLength } : {}), ...(attribute.maxLength !== undefined ? { maxLength: attribute.maxLength } : {}) };
  const range = { ...(attribute.min !== undefined ? { minimum: attribute.min } : {}), ...(attribute.max !== undefined ? { maximum: attribute.max } : {}) };
  switch (attribute.type) {
    case 'string':
    case 'text':
    case 'richtext':
    case 'uid':
    case 'email':
    case 'password':
      return { type: 'string', ...limits };
    case 'enumeration':
      return { type: 'string', enum: attribute.enum };
    case 'integer':
    case 'biginteger':
      return { type: 'integer', ...range };
    case 'float':
    case 'decimal':
      return { type: 'number', ...range };
    case 'boolean':
      return { type: 'boolean' };
    case 'date':
      return { type: 'string', format: 'date' };
    case 'time':
      return { type: 'string', pattern: '^\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,3})?)?$' };
    case 'datetime':
    case 'timestamp':
      return { type: 'string', format: 'date-time' };
    case 'json':
      return {};
    default:
      return undefined;
  }
};

const attributeSchema = (attribute: Attribute): JsonSchema | undefined => {
  if (attribute.type === 'component' && attribute.component) {
    return attribute.repeatable ? { type: 'array', items: ref(attribute.component) } : nullable(ref(attribute.component));
  }
  if (attribute.type === 'media') {
    return attribute.multiple ? { type: 'array', items: ref('plugin::upload.file') } : nullable(ref('plugin::upload.file'));
  }
  if (attribute.type === 'relation' && attribute.target) {
    // Related documents, populated with the fields the public query allows: their own schema, loosely.
    const related = { type: 'object', required: ['documentId'], properties: { documentId: { type: 'string' } }, additionalProperties: true };
    return /ToMany$/.test(attribute.relation ?? '') ? { type: 'array', items: related } : nullable(related);
  }
  const base = scalar(attribute);
  return base && nullable(base, attribute.required);
};

/** The answer's shape for one document of `uid` (content type or component). */
export const documentSchema = (strapi: Core.Strapi, uid: string, extra: Record<string, JsonSchema> = {}): JsonSchema => {
  const model = (strapi.contentTypes[uid as keyof typeof strapi.contentTypes] ?? strapi.components[uid as keyof typeof strapi.components]) as
    | { modelType: string; attributes: Record<string, Attribute>; options?: { draftAndPublish?: boolean }; info?: { description?: string } }
    | undefined;
  if (!model) throw new Error(`No content type or component ${uid}`);
  const isContentType = model.modelType === 'contentType';
  // Public answers carry no numeric database id (src/middlewares/public-answer.ts): documents are named by documentId.
  const properties: Record<string, JsonSchema> = isContentType ? { documentId: { type: 'string', minLength: 1 } } : {};
  const required = isContentType ? ['documentId'] : [];
  for (const [name, attribute] of Object.entries(model.attributes)) {
    // `locale` is private on a type without locales, and the version's locale on one with them.
    if (attribute.private || ['createdBy', 'updatedBy', 'localizations'].includes(name)) continue;
    const schema = attributeSchema(attribute);
    if (!schema) continue;
    properties[name] = schema;
    if (attribute.required && scalar(attribute)) required.push(name);
  }
  Object.assign(properties, extra);
  return { type: 'object', ...(model.info?.description ? { description: model.info.description } : {}), required, properties };
};
