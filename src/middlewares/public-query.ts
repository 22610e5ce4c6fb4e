import type { Core } from '@strapi/strapi';
import type { Context, Next } from 'koa';
import { SEMI_JOIN_STATE } from '../bootstrap/public-query-semi-joins';
import { PUBLIC_ROUTES } from '../utils/public-query/allowlist';
import { enforcePublicQuery } from '../utils/public-query/enforce';
import { getConfig } from '../utils/config';

/**
 * Every public read's query, checked against the allowlist and the query budget before routing
 * (src/utils/public-query/allowlist.ts, budget.ts): unknown parameters, fields, operators and relation paths, and
 * queries over a limit, answer 400 naming the parameter; relation filters into draft-and-publish types are narrowed
 * to published versions, and run as semi-joins (src/bootstrap/public-query-semi-joins.ts).
 */
export default (_config: unknown, { strapi }: { strapi: Core.Strapi }) =>
  async (ctx: Context, next: Next) => {
    if (ctx.method !== 'GET' && ctx.method !== 'HEAD') return next();
    const route = PUBLIC_ROUTES.find((candidate) => candidate.pattern.test(ctx.path));
    if (!route || !ctx.querystring) return next();
    const { budget } = getConfig(strapi, 'public-query');
    ctx.query = enforcePublicQuery(strapi, ctx.query as Record<string, unknown>, route.spec, budget);
    if (ctx.query.filters !== undefined) ctx.state[SEMI_JOIN_STATE] = route.spec.uid;
    return next();
  };
