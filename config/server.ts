import type { Core } from '@strapi/strapi';
import { readSecretList } from '../src/utils/secrets';
import cronTasks from './cron-tasks';

/** At least one proxy's entry must be trusted, and no more than the proxies there are (else clients pick their IP). */
const proxyHops = (value: number) => {
  if (!Number.isInteger(value) || value < 1) throw new Error(`PROXY_HOPS must be a whole number of 1 or more (the proxies in front of the CMS), not "${process.env.PROXY_HOPS}".`);
  return value;
};

const config = ({ env }: Core.Config.Shared.ConfigParams): Core.Config.Server => ({
  host: env('HOST', '0.0.0.0'),
  port: env.int('PORT', 1337),
  url: env('PUBLIC_URL', ''),
  // Behind a load balancer, trust X-Forwarded-For so flood control sees the reader's address: only the last
  // PROXY_HOPS entries (those our own proxies appended), never what the client wrote before them.
  proxy: { koa: env.bool('IS_PROXIED', false), maxIpsCount: proxyHops(env.int('PROXY_HOPS', 1)) },
  cron: { enabled: env.bool('CRON_ENABLED', true), tasks: cronTasks },
  app: {
    keys: readSecretList(process.env, 'APP_KEYS'),
  },
  logger: {
    updates: { enabled: false },
    startup: { enabled: env('NODE_ENV') !== 'test' },
  },
});

export type ServerConfig = ReturnType<typeof config>;

export default config;
