import type { Core } from '@strapi/strapi';

/**
 * What one public read may cost (src/utils/public-query/budget.ts): a query over a limit is refused with a 400 naming
 * the parameter and the limit, before it reaches the database. `semiJoins`: relation conditions of public filters run
 * as `id IN (subquery)` (src/utils/public-query/semi-joins.ts), so conditions on different relations add their cost
 * instead of multiplying rows.
 */
const config = ({ env }: Core.Config.Shared.ConfigParams) => ({
  budget: {
    maxJoins: env.int('PUBLIC_QUERY_MAX_JOINS', 6),
    maxDepth: env.int('PUBLIC_QUERY_MAX_DEPTH', 5),
    maxConditions: env.int('PUBLIC_QUERY_MAX_CONDITIONS', 50),
  },
  semiJoins: env.bool('PUBLIC_QUERY_SEMI_JOINS', true),
});

export type PublicQueryConfig = ReturnType<typeof config>;

export default config;
