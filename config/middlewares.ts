import zlib from 'zlib';
import type { Core } from '@strapi/strapi';
import { corsConfig } from '../src/utils/cors';

const config = ({ env }: Core.Config.Shared.ConfigParams): Core.Config.Middlewares => [
  // Answers over 1 KB of a compressible type in the coding Accept-Encoding prefers (brotli, then gzip), per request
  // (koa-compress). Kept answers arrive already encoded from the response cache, compressed once: it leaves them.
  { name: 'strapi::compression', config: { threshold: 1024, br: { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 4 } }, gzip: { level: 6 }, deflate: false } },
  // Cached public reads are answered first, before logging and the rest (src/middlewares/response-cache.ts).
  'global::response-cache',
  // The access log, with every token in a URL redacted (src/middlewares/access-log.ts, in place of strapi::logger).
  'global::access-log',
  'strapi::errors',
  // A database outage answers 503 with Retry-After, at once (src/middlewares/database-unavailable.ts).
  'global::database-unavailable',
  'strapi::security',
  // Listed origins only in production; credentials never go to an origin that is not listed (src/utils/cors.ts).
  { name: 'strapi::cors', config: corsConfig(env.array('CORS_ORIGINS', ['*']), env('NODE_ENV')) },
  'strapi::query',
  // Public reads: only the filters, fields, sort and populate in src/utils/public-query/allowlist.ts, within the
  // query budget (else 400); their answers without the database's numeric ids (src/middlewares/public-answer.ts).
  'global::public-query',
  'global::public-answer',
  // The content API takes JSON only (415 otherwise), checked before the body parser writes anything to disk.
  'global::json-only',
  // Uploads (multipart bodies, /api/upload, /upload) need valid credentials before their body is read (401/403).
  'global::upload-guard',
  {
    name: 'strapi::body',
    config: {
      jsonLimit: env('REQUEST_BODY_LIMIT', '1mb'),
      formLimit: env('REQUEST_BODY_LIMIT', '1mb'),
      textLimit: env('REQUEST_BODY_LIMIT', '1mb'),
      // Multipart bodies reach only the media library (json-only above): its files up to UPLOAD_MAX_FILE_SIZE bytes.
      formidable: { maxFileSize: env.int('UPLOAD_MAX_FILE_SIZE', 10 * 1024 * 1024) },
    },
  },
  'strapi::session',
  'strapi::favicon',
  'strapi::public',
];

export type MiddlewaresConfig = ReturnType<typeof config>;

export default config;
