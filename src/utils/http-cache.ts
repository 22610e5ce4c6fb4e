import { createHash } from 'crypto';
import type { Context } from 'koa';

/** HTTP caching for any route that answers a cached body: ETag, Cache-Control and 304s. */

export interface CacheableAnswer {
  body: string;
  etag: string;
}

export const JSON_TYPE = 'application/json; charset=utf-8';
export const CALENDAR_TYPE = 'text/calendar; charset=utf-8';

export const etagOf = (body: string) => `W/"${createHash('sha1').update(body).digest('base64url')}"`;

/** If-None-Match (RFC 9110 §13.1.2): "*" or any listed tag equal to `etag` under the weak comparison. */
const ifNoneMatchHits = (header: string | undefined, etag: string) => {
  if (!header) return false;
  if (header.trim() === '*') return true;
  const opaque = (tag: string) => tag.trim().replace(/^W\//, '');
  return header.split(',').some((candidate) => opaque(candidate) === opaque(etag));
};

/**
 * Writes an answer with its ETag and Cache-Control; a GET or HEAD whose If-None-Match matches gets a 304 with no
 * body, whatever its own Cache-Control says (the origin evaluates the precondition, RFC 9110 §13.2.1; Node's fetch
 * sends "Cache-Control: no-cache" with every If-None-Match, which koa's `ctx.fresh` reads as "never fresh").
 */
export const respondWith = (ctx: Context, answer: CacheableAnswer, contentType: string, cacheControl: string) => {
  ctx.set('ETag', answer.etag);
  ctx.set('Cache-Control', cacheControl);
  ctx.vary('Accept-Encoding');
  if ((ctx.method === 'GET' || ctx.method === 'HEAD') && ifNoneMatchHits(ctx.get('If-None-Match'), answer.etag)) {
    ctx.status = 304;
    return;
  }
  ctx.status = 200;
  ctx.type = contentType;
  ctx.body = answer.body;
};
