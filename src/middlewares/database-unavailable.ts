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

/** PostgreSQL cancelled a statement that ran past DATABASE_STATEMENT_TIMEOUT (SQLSTATE 57014, query_canceled). */
export const isStatementTimeout = (error: unknown): boolean => {
  for (let current = error as { code?: string; cause?: unknown } | undefined, depth = 0; current && depth < 4; depth += 1) {
    if (current.code === '57014') return true;
    current = current.cause as typeof current;
  }
  return false;
};

const databaseReachable = async (strapi: Core.Strapi) => {
  const timeout = new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 2000).unref());
  const probe = strapi.db.connection.raw('SELECT 1').then(
    () => true,
    () => false
  );
  return Promise.race([probe, timeout]);
};

const mayBeOutage = (error: unknown) => {
  const { name, status } = error as { name?: string; status?: number };
  return name === 'ValidationError' || name === 'NotFoundError' || !status || status >= 500;
};

export const unavailable = (ctx: Context, strapi: Core.Strapi, reason: string) => {
  strapi.log.warn(`Database unavailable (${reason}); answered 503 to ${ctx.method} ${ctx.path}`);
  ctx.status = 503;
  ctx.set('Retry-After', '5');
  ctx.body = { data: null, error: { status: 503, name: 'ServiceUnavailableError', message: 'The service is briefly unavailable. Please retry shortly.' } };
};

/**
 * While the database is down, answer 503 with Retry-After at once instead of a 500 (or the 401 that
 * users-permissions gives when it cannot read the Public role), so load balancers and clients retry; the process
 * stays up and the pool reconnects when the database is back. A statement PostgreSQL cancelled at its timeout is
 * answered the same way.
 */
export default (_config: unknown, { strapi }: { strapi: Core.Strapi }) =>
  async (ctx: Context, next: Next) => {
    try {
      await next();
    } catch (error) {
      if (isDatabaseUnavailable(error)) return unavailable(ctx, strapi, (error as Error).message);
      if (isStatementTimeout(error)) return unavailable(ctx, strapi, 'a statement ran past DATABASE_STATEMENT_TIMEOUT');
      // Any other failure while the database is away is the outage too, whatever shape it took: a look-up cut short
      // that Strapi turns into "not found" (400/404), a transaction whose connection died ("Transaction query
      // already complete"), a driver error without a code. Deliberate client errors (401, 403, 413, 429) are not.
      if (mayBeOutage(error) && !(await databaseReachable(strapi))) {
        return unavailable(ctx, strapi, `${(error as Error).message}, while the database is unreachable`);
      }
      throw error;
    }
    // A request without credentials is never "unauthorized" unless the permission look-up itself failed.
    if (ctx.status === 401 && !ctx.get('authorization') && !(await databaseReachable(strapi))) {
      unavailable(ctx, strapi, 'permission look-up failed');
    }
  };
