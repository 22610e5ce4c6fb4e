import type { Core } from '@strapi/strapi';
import type { Context, Next } from 'koa';
import { CALENDAR_TYPE, JSON_TYPE, respondWith } from '../utils/http-cache';

const FEED_ROUTES: Array<{ pattern: RegExp; kind: 'json' | 'ics'; paginated: boolean; contentType: string }> = [
  { pattern: /^\/api\/group-programs\/upcoming$/, kind: 'json', paginated: true, contentType: JSON_TYPE },
  { pattern: /^\/api\/group-programs\/upcoming\.ics$/, kind: 'ics', paginated: false, contentType: CALENDAR_TYPE },
  { pattern: /^\/api\/group-programs\/([a-z0-9-]+)\/calendar\.ics$/, kind: 'ics', paginated: false, contentType: CALENDAR_TYPE },
];

/**
 * The feed's fast path. Websites poll the feed; a fresh cached answer is served here, before authentication,
 * routing and the query parser, with the same headers and 304 handling as the controller. The routes are public
 * by the permissions in code, and everything else (a miss, a bad query) goes through the full stack, which
 * computes, checks and caches the answer.
 */
export default (_config: unknown, { strapi }: { strapi: Core.Strapi }) =>
  async (ctx: Context, next: Next) => {
    if (ctx.method !== 'GET' && ctx.method !== 'HEAD') return next();
    const route = FEED_ROUTES.find((candidate) => candidate.pattern.test(ctx.path));
    if (!route) return next();

    const feed = strapi.service('api::group-program.feed');
    let answer;
    try {
      const slug = route.pattern.exec(ctx.path)?.[1];
      const query = feed.parseQuery(slug ? {} : ctx.query, route.paginated);
      answer = feed.lookup(route.kind, query, slug);
    } catch {
      return next(); // the controller answers bad queries with a 400 naming the parameter
    }
    if (!answer) return next();
    respondWith(ctx, answer, route.contentType, feed.cacheControl());
  };
