import { createHash } from 'crypto';
import type { Core } from '@strapi/strapi';
import type { Context, Next } from 'koa';
import { configuredOrigins } from '../utils/cors';
import { responseCache } from '../utils/response-cache';
import { keptAnswer, keptReadKey } from '../utils/response-cache/answer';
import { worthCompressing } from '../utils/response-cache/encoding';
import type { CachedResponse, ResponseStore } from '../utils/response-cache/store';
import { redactUrl } from '../utils/redact-url';
import { getConfig } from '../utils/config';
import { keptIn } from '../utils/kept-in';

/**
 * Public reads from memory, first in the middleware chain: a hit is answered here with the headers the full stack
 * produced (security headers, CORS, content type, ETag) and a Buffer body, or a 304 when If-None-Match matches,
 * whatever the request's Cache-Control. A miss goes through the whole stack (validation, permissions, the
 * controller), and a 200 is kept. Requests with credentials (Authorization) or asking for drafts are never cached.
 *
 * One computation per miss: requests for an answer another request of this instance is computing (same key, no
 * change to its content types since) wait for it and get its answer (single-flight). Answers over 1 KB of a
 * text-like type are sent in the coding Accept-Encoding prefers (brotli, then gzip), compressed once per kept answer
 * (./utils/response-cache/encoding.ts); `Vary: Accept-Encoding` on each.
 */
const NOT_REPLAYED = new Set(['content-length', 'date', 'connection', 'keep-alive', 'transfer-encoding', 'set-cookie']);

const asBuffer = (body: unknown): Buffer | null => {
  if (Buffer.isBuffer(body)) return body;
  if (typeof body === 'string') return Buffer.from(body);
  if (body && typeof body === 'object' && !('pipe' in body)) return Buffer.from(JSON.stringify(body));
  return null;
};

/** An answer being computed, and the generations of its content types when it started. */
interface Flight {
  snapshot: number[];
  done: Promise<CachedResponse | null>;
}
const flights = new WeakMap<ResponseStore, Map<string, Flight>>();
const flightsOf = (store: ResponseStore) => keptIn(flights, store, () => new Map<string, Flight>());
const sameSnapshot = (a: number[], b: number[]) => a.length === b.length && a.every((value, index) => value === b[index]);

const serve = async (ctx: Context, store: ResponseStore, key: string, entry: CachedResponse) => {
  const { status, headers, encoding } = keptAnswer(entry, ctx.get('accept-encoding'), ctx.get('if-none-match'));
  for (const [name, value] of headers) ctx.set(name, value);
  ctx.status = status;
  if (status === 304) return;
  if (encoding) {
    try {
      ctx.body = await store.variant(key, entry, encoding);
      ctx.set('Content-Encoding', encoding);
      return;
    } catch {
      // Sent as is.
    }
  }
  ctx.body = entry.body;
};

export default (_config: unknown, { strapi }: { strapi: Core.Strapi }) => {
  const allowedOrigins = configuredOrigins(getConfig(strapi, 'middlewares'));
  return async (ctx: Context, next: Next) => {
    const read = keptReadKey({ method: ctx.method, path: ctx.path, querystring: ctx.querystring, authorization: ctx.get('authorization'), origin: ctx.get('origin'), format: ctx.get('strapi-response-format') || ctx.get('strapi-encode-source-maps') }, allowedOrigins);
    if (!read) return next();
    const cache = getConfig(strapi, 'response-cache').enabled ? responseCache(strapi) : null;
    if (!cache) return next();
    const { store } = cache;
    const { key, route } = read;
    const hit = store.get(key);
    if (hit) {
      await serve(ctx, store, key, hit);
      strapi.log.debug(`cache hit ${ctx.method} ${redactUrl(ctx.url)} ${ctx.status}`);
      return;
    }

    const snapshot = store.snapshot(route.madeOf);
    const inFlight = flightsOf(store);
    const running = inFlight.get(key);
    if (running && sameSnapshot(running.snapshot, snapshot)) {
      const shared = await running.done;
      // A 200 computed for another request; anything else (an error, a 404) each request computes for itself.
      if (shared) {
        await serve(ctx, store, key, shared);
        strapi.log.debug(`cache wait ${ctx.method} ${redactUrl(ctx.url)} ${ctx.status}`);
        return;
      }
    }

    let finish: (entry: CachedResponse | null) => void = () => undefined;
    const flight: Flight = { snapshot, done: new Promise((resolve) => (finish = resolve)) };
    inFlight.set(key, flight);
    let entry: CachedResponse | null = null;
    try {
      await next();
      const body = ctx.status === 200 ? asBuffer(ctx.body) : null;
      if (!body) return;
      const etag = ctx.response.get('ETag') || `W/"${createHash('sha1').update(body).digest('base64url')}"`;
      const headers = Object.entries(ctx.response.headers)
        .filter(([name]) => !NOT_REPLAYED.has(name.toLowerCase()))
        .map(([name, value]): [string, string] => [name, Array.isArray(value) ? value.join(', ') : String(value)]);
      const compressible = worthCompressing(ctx.response.get('Content-Type'), body.length, ctx.response.get('Content-Encoding') || undefined);
      entry = { status: 200, headers, body, etag, tags: route.madeOf, compressible, variants: {} };
      store.set(key, entry, snapshot);
      await serve(ctx, store, key, entry);
    } finally {
      if (inFlight.get(key) === flight) inFlight.delete(key);
      finish(entry);
    }
  };
};
