/** The parts of OpenAPI 3.1 this project writes. Schemas are JSON Schema 2020-12. */
export type JsonSchema = { [keyword: string]: unknown };

export interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header';
  required?: boolean;
  description?: string;
  schema: JsonSchema;
  style?: string;
  explode?: boolean;
}

export interface MediaResponse {
  description: string;
  headers?: Record<string, { description: string; schema: JsonSchema }>;
  content?: Record<string, { schema: JsonSchema }>;
}

export interface Operation {
  operationId: string;
  summary: string;
  description?: string;
  tags: string[];
  parameters?: Parameter[];
  requestBody?: { required: boolean; content: Record<string, { schema: JsonSchema }> };
  responses: Record<string, MediaResponse | { $ref: string }>;
  security?: Array<Record<string, string[]>>;
  /** Specification extensions, e.g. `x-consent` (the consent sentence a website shows with the inquiry form). */
  [extension: `x-${string}`]: unknown;
}

/** What each public route's documentation says; the route itself (method, path) comes from Strapi. */
export type OperationSpec = Omit<Operation, 'operationId'> & { operationId?: string };

export interface PublicRoute {
  method: string;
  /** OpenAPI path, e.g. /api/articles/{id} */
  path: string;
  /** Strapi action, e.g. api::article.article.findOne; for server routes, `server::<path>`. */
  action: string;
}
