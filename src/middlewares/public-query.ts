import type { Core } from '@strapi/strapi';
import type { Context, Next } from 'koa';
import { PUBLIC_ROUTES } from '../utils/public-query/allowlist';
import { enforcePublicQuery } from '../utils/public-query/enforce';

/**
 * Every public read's query, checked against the allowlist before routing (src/utils/public-query/allowlist.ts):
 * unknown parameters, fields, operators and relation paths answer 400 naming the parameter, and relation filters
 * into draft-and-publish types are narrowed to published versions.
 */
export default (_config: unknown, { strapi }: { strapi: Core.Strapi }) =>
  async (ctx: Context, next: Next) => {
    if (ctx.method !== 'GET' && ctx.method !== 'HEAD') return next();
    const route = PUBLIC_ROUTES.find((candidate) => candidate.pattern.test(ctx.path));
    if (!route || !ctx.querystring) return next();
    ctx.query = enforcePublicQuery(strapi, ctx.query as Record<string, unknown>, route.spec);
    return next();
  };
