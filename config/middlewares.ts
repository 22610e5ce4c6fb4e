import type { Core } from '@strapi/strapi';

const config = ({ env }: Core.Config.Shared.ConfigParams): Core.Config.Middlewares => [
  'strapi::logger',
  'strapi::errors',
  // A database outage answers 503 with Retry-After, at once (src/middlewares/database-unavailable.ts).
  'global::database-unavailable',
  'strapi::security',
  {
    name: 'strapi::cors',
    config: {
      origin: env.array('CORS_ORIGINS', ['*']),
    },
  },
  // Serves cached feed answers before authentication and routing (src/middlewares/feed-cache.ts).
  'global::feed-cache',
  'strapi::query',
  // Public reads: only the filters, fields, sort and populate in src/utils/public-query/allowlist.ts (else 400).
  'global::public-query',
  {
    name: 'strapi::body',
    config: {
      jsonLimit: env('REQUEST_BODY_LIMIT', '1mb'),
      formLimit: env('REQUEST_BODY_LIMIT', '1mb'),
      textLimit: env('REQUEST_BODY_LIMIT', '1mb'),
    },
  },
  'strapi::session',
  'strapi::favicon',
  'strapi::public',
];

export default config;
