import type { Core } from '@strapi/strapi';
import { readSecretList } from '../src/utils/secrets';
import cronTasks from './cron-tasks';

const config = ({ env }: Core.Config.Shared.ConfigParams): Core.Config.Server => ({
  host: env('HOST', '0.0.0.0'),
  port: env.int('PORT', 1337),
  url: env('PUBLIC_URL', ''),
  // Behind a load balancer, trust X-Forwarded-For so flood control sees the reader's address: only the last
  // PROXY_HOPS entries (those our own proxies appended), never what the client wrote before them.
  proxy: { koa: env.bool('IS_PROXIED', false), maxIpsCount: env.int('PROXY_HOPS', 1) },
  cron: { enabled: env.bool('CRON_ENABLED', true), tasks: cronTasks },
  app: {
    keys: readSecretList(process.env, 'APP_KEYS'),
  },
  logger: {
    updates: { enabled: false },
    startup: { enabled: env('NODE_ENV') !== 'test' },
  },
});

export default config;
