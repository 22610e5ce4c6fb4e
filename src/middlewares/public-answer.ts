import type { Context, Next } from 'koa';
import { PUBLIC_ROUTES } from '../utils/public-query/allowlist';

/**
 * Public answers name documents by documentId only: the database's numeric ids (which count rows and would let a
 * client walk them) never leave the server. Strapi 5's REST answers carry an `id` on every document, relation,
 * component and media file; after a public read has answered, every `id` key of its JSON is removed, at every level.
 * Answers written as text (the feed, calendars, the sitemap) are built without ids.
 */
const THREAD = /^\/api\/articles\/[^/]+\/comments\/?$/i;
const isPublicRead = (path: string) => THREAD.test(path) || PUBLIC_ROUTES.some((route) => route.pattern.test(path));

export const withoutIds = (value: unknown): unknown => {
  if (Array.isArray(value)) return value.map(withoutIds);
  if (value === null || typeof value !== 'object' || value instanceof Date) return value;
  // A plain loop: a program list's answer (JSON-LD and calendar links included) holds tens of thousands of keys.
  const copy: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    if (key === 'id') continue;
    const item = withoutIds((value as Record<string, unknown>)[key]);
    // A key named __proto__ is copied as a key (an assignment would set the copy's prototype).
    if (key === '__proto__') Object.defineProperty(copy, key, { value: item, enumerable: true, writable: true, configurable: true });
    else copy[key] = item;
  }
  return copy;
};

export default () => async (ctx: Context, next: Next) => {
  await next();
  if (ctx.method !== 'GET' && ctx.method !== 'HEAD') return;
  const { body } = ctx;
  if (!body || typeof body !== 'object' || Buffer.isBuffer(body) || 'pipe' in body || !isPublicRead(ctx.path)) return;
  ctx.body = withoutIds(body);
};
