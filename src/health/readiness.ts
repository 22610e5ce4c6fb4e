import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { createRedisProbe, runChecks, type Check, type CheckName } from './checks';
import { getConfig } from '../utils/config';

let redisProbe: ReturnType<typeof createRedisProbe> | undefined;

/**
 * `GET /_ready`: 200 when the database answers (and Redis, when REDIS_URL is set), else 503 naming what is down.
 * `/_health` stays Strapi's liveness check (the process is up); load balancers route traffic on this one.
 * Only the names of the failed checks are public; the reasons go to the log.
 */
export const readinessHandler = (strapi: Core.Strapi) => async (ctx: Context) => {
  const { redisUrl, timeoutMs } = getConfig(strapi, 'website').readiness;
  const checks: Partial<Record<CheckName, Check>> = {
    database: async () => {
      await strapi.db.connection.raw('SELECT 1');
    },
  };
  if (redisUrl) {
    redisProbe ??= createRedisProbe(redisUrl);
    const probe = redisProbe;
    checks.redis = () => probe.ping();
  }

  const report = await runChecks(checks, timeoutMs);
  ctx.set('Cache-Control', 'no-store');
  if (report.ready) {
    ctx.status = 200;
    ctx.body = { status: 'ready', checks: report.checks };
    return;
  }
  strapi.log.warn(`Not ready: ${report.down.map((name) => `${name} (${report.errors[name]})`).join(', ')}`);
  ctx.status = 503;
  ctx.set('Retry-After', '5');
  ctx.body = { status: 'unavailable', checks: report.checks, down: report.down };
};

export const registerReadinessRoute = (strapi: Core.Strapi) => {
  strapi.server.routes([{ method: 'GET', path: '/_ready', handler: readinessHandler(strapi), config: { auth: false } }]);
};

export const closeReadinessProbes = () => {
  redisProbe?.close();
  redisProbe = undefined;
};
