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

/**
 * The answer's JSON without any `id` key, at every level, serialised once: Koa would otherwise serialise an object body
 * twice (for Content-Length, then to send it), and a program list with its JSON-LD holds tens of thousands of keys.
 * A key named __proto__ is written like any other.
 */
const dropIds = (key: string, value: unknown) => (key === 'id' ? undefined : value);
export const jsonWithoutIds = (value: unknown): Buffer => Buffer.from(JSON.stringify(value, dropIds));

export default () => async (ctx: Context, next: Next) => {
  await next();
  if (ctx.method !== 'GET' && ctx.method !== 'HEAD') return;
  const { body } = ctx;
  if (!body || typeof body !== 'object' || Buffer.isBuffer(body) || 'pipe' in body || !isPublicRead(ctx.path)) return;
  // The Content-Type Koa set for the object (JSON) stays.
  ctx.body = jsonWithoutIds(body);
};
