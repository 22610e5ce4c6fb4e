import type { Core } from '@strapi/strapi';
import type { Context, Next } from 'koa';

/** PostgreSQL SQLSTATEs and driver errors that mean "the database is not reachable right now". */
const UNAVAILABLE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', '57P01', '57P02', '57P03', '08000', '08001', '08003', '08006']);
const UNAVAILABLE_MESSAGES = /Connection terminated|Knex: Timeout acquiring a connection|connect ECONNREFUSED|Client has encountered a connection error|the database system is (starting up|shutting down)/i;

export const isDatabaseUnavailable = (error: unknown): boolean => {
  for (let current = error as { code?: string; message?: string; cause?: unknown } | undefined, depth = 0; current && depth < 4; depth += 1) {
    if ((current.code && UNAVAILABLE_CODES.has(current.code)) || (current.message && UNAVAILABLE_MESSAGES.test(current.message))) return true;
    current = current.cause as typeof current;
  }
  return false;
};

/**
 * While the database is down, answer 503 with Retry-After at once instead of a 500, so load balancers and
 * clients retry; the process stays up and the pool reconnects when the database is back.
 */
export default (_config: unknown, { strapi }: { strapi: Core.Strapi }) =>
  async (ctx: Context, next: Next) => {
    try {
      await next();
    } catch (error) {
      if (!isDatabaseUnavailable(error)) throw error;
      strapi.log.warn(`Database unavailable (${(error as Error).message}); answered 503 to ${ctx.method} ${ctx.path}`);
      ctx.status = 503;
      ctx.set('Retry-After', '5');
      ctx.body = { data: null, error: { status: 503, name: 'ServiceUnavailableError', message: 'The service is briefly unavailable. Please retry shortly.' } };
    }
  };
