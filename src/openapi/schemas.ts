import type { JsonSchema, MediaResponse } from './types';

/** Shared pieces of the document: Strapi's error envelope, pagination, and the standard error answers. */
export const json = (schema: JsonSchema) => ({ 'application/json': { schema } });
export const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
export const ok = (description: string, schema: JsonSchema, headers?: MediaResponse['headers']): MediaResponse => ({
  description,
  ...(headers ? { headers } : {}),
  content: json(schema),
});

export const ERROR_SCHEMA: JsonSchema = {
  type: 'object',
  description: "Strapi's error envelope. For a 400, `error.details.errors[].path` names the field or query parameter.",
  required: ['data', 'error'],
  properties: {
    data: { type: 'null' },
    error: {
      type: 'object',
      required: ['status', 'name', 'message'],
      properties: {
        status: { type: 'integer' },
        name: { type: 'string', examples: ['ValidationError', 'NotFoundError', 'ForbiddenError', 'ServiceUnavailableError'] },
        message: { type: 'string' },
        details: {
          type: 'object',
          properties: {
            errors: {
              type: 'array',
              items: { type: 'object', required: ['path', 'message'], properties: { path: { type: 'array', items: { type: 'string' } }, message: { type: 'string' }, name: { type: 'string' } } },
            },
          },
        },
      },
    },
  },
};

export const PAGINATION_SCHEMA: JsonSchema = {
  type: 'object',
  required: ['page', 'pageSize', 'pageCount', 'total'],
  properties: { page: { type: 'integer', minimum: 1 }, pageSize: { type: 'integer', minimum: 1 }, pageCount: { type: 'integer', minimum: 0 }, total: { type: 'integer', minimum: 0 } },
};

const error = (description: string, headers?: MediaResponse['headers']): MediaResponse => ({ description, ...(headers ? { headers } : {}), content: json(ref('Error')) });
const retryAfter = { 'Retry-After': { description: 'Seconds to wait before retrying', schema: { type: 'string' } } };

/** `#/components/responses/<name>`, referenced by status code in every operation that may answer it. */
export const ERROR_RESPONSES = {
  BadRequest: error('The query or body is not allowed or malformed; the message and `error.details.errors[].path` name the parameter or field.'),
  Unauthorized: error('Credentials are missing or invalid.'),
  Forbidden: error('Not allowed for this caller (Public, the build token, or a moderator).'),
  NotFound: error('No such published document.'),
  PayloadTooLarge: error('The request body is over REQUEST_BODY_LIMIT.'),
  UnsupportedMediaType: error('The content API takes JSON bodies only.'),
  TooManyRequests: error('Flood control: wait `Retry-After` seconds.', retryAfter),
  ServiceUnavailable: error('The database is briefly unreachable; retry after `Retry-After` seconds.', retryAfter),
} satisfies Record<string, MediaResponse>;

const STATUS_OF: Record<keyof typeof ERROR_RESPONSES, number> = {
  BadRequest: 400,
  Unauthorized: 401,
  Forbidden: 403,
  NotFound: 404,
  PayloadTooLarge: 413,
  UnsupportedMediaType: 415,
  TooManyRequests: 429,
  ServiceUnavailable: 503,
};

/** Error answers by name, keyed by their status code; every operation may answer 503 during a database outage. */
export const errors = (...names: Array<keyof typeof ERROR_RESPONSES>) =>
  Object.fromEntries([...names, 'ServiceUnavailable' as const].map((name) => [String(STATUS_OF[name]), { $ref: `#/components/responses/${name}` }]));
