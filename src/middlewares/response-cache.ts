import { createHash } from 'crypto';
import type { Core } from '@strapi/strapi';
import type { Context, Next } from 'koa';
import { cachedRoute } from '../cache/invalidation';
import { configuredOrigins, originForAnswer } from '../utils/cors';
import { responseCache } from '../utils/response-cache';
import { cacheKey, matchesEtag } from '../utils/response-cache/key';
import type { CachedResponse } from '../utils/response-cache/store';
import { redactUrl } from '../utils/redact-url';
import { getConfig } from '../utils/config';

/**
 * Public reads from memory, first in the middleware chain: a hit is answered here with the headers the full stack
 * produced (security headers, CORS, content type, ETag) and a Buffer body, or a 304 when If-None-Match matches,
 * whatever the request's Cache-Control. A miss goes through the whole stack (validation, permissions, the
 * controller), and a 200 is kept. Requests with credentials (Authorization) or asking for drafts are never cached.
 */
const NOT_REPLAYED = new Set(['content-length', 'date', 'connection', 'keep-alive', 'transfer-encoding', 'set-cookie']);

const asBuffer = (body: unknown): Buffer | null => {
  if (Buffer.isBuffer(body)) return body;
  if (typeof body === 'string') return Buffer.from(body);
  if (body && typeof body === 'object' && !('pipe' in body)) return Buffer.from(JSON.stringify(body));
  return null;
};

const serve = (ctx: Context, entry: CachedResponse) => {
  for (const [name, value] of entry.headers) ctx.set(name, value);
  if (matchesEtag(ctx.get('if-none-match'), entry.etag)) {
    ctx.status = 304;
    return;
  }
  ctx.status = entry.status;
  ctx.body = entry.body;
};

export default (_config: unknown, { strapi }: { strapi: Core.Strapi }) => {
  const allowedOrigins = configuredOrigins(getConfig(strapi, 'middlewares'));
  return async (ctx: Context, next: Next) => {
    if (ctx.method !== 'GET' && ctx.method !== 'HEAD') return next();
    const route = cachedRoute(ctx.path);
    if (!route || ctx.get('authorization') || /(^|&)status=draft(&|$)/i.test(ctx.querystring)) return next();
    const cache = getConfig(strapi, 'response-cache').enabled ? responseCache(strapi) : null;
    if (!cache) return next();

    const key = cacheKey(ctx.path, ctx.querystring, originForAnswer(ctx.get('origin') || undefined, allowedOrigins));
    const hit = cache.store.get(key);
    if (hit) {
      serve(ctx, hit);
      strapi.log.debug(`cache hit ${ctx.method} ${redactUrl(ctx.url)} ${ctx.status}`);
      return;
    }

    const snapshot = cache.store.snapshot(route.madeOf);
    await next();
    if (ctx.status !== 200) return;
    const body = asBuffer(ctx.body);
    if (!body) return;
    const etag = ctx.response.get('ETag') || `W/"${createHash('sha1').update(body).digest('base64url')}"`;
    ctx.set('ETag', etag);
    const headers = Object.entries(ctx.response.headers)
      .filter(([name]) => !NOT_REPLAYED.has(name.toLowerCase()))
      .map(([name, value]): [string, string] => [name, Array.isArray(value) ? value.join(', ') : String(value)]);
    const entry: CachedResponse = { status: 200, headers, body, etag, tags: route.madeOf };
    cache.store.set(key, entry, snapshot);
    serve(ctx, entry);
  };
};
