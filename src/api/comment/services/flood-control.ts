import type { Core } from '@strapi/strapi';
import Redis from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import type { AppConfig } from '#app/utils/config';
import { getConfig } from '#app/utils/config';

type FloodConfig = AppConfig['moderation']['flood'];

/** What is counted: comments, reports of comments, readers' data requests (export, erasure), inquiries about programs; each has its own allowance. */
export type FloodScope = 'comment' | 'report' | 'data-request' | 'inquiry';

export type FloodDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

interface Window {
  keyPrefix: string;
  points: number;
  duration: number;
}

const windowsFor = (config: FloodConfig, scope: FloodScope): Window[] => {
  if (scope === 'report') return [{ keyPrefix: `${config.keyPrefix}:report-hour`, points: config.reportsPerHour, duration: 3600 }];
  if (scope === 'data-request') return [{ keyPrefix: `${config.keyPrefix}:data-request-hour`, points: config.dataRequestsPerHour, duration: 3600 }];
  if (scope === 'inquiry') return [{ keyPrefix: `${config.keyPrefix}:inquiry-hour`, points: config.inquiriesPerHour, duration: 3600 }];
  return [
    { keyPrefix: `${config.keyPrefix}:comment-burst`, points: 1, duration: config.minIntervalSeconds },
    { keyPrefix: `${config.keyPrefix}:comment-hour`, points: config.maxPerHour, duration: 3600 },
  ];
};

/**
 * Flood control for public comment posts: per IP hash and per email, one comment per `minIntervalSeconds` and
 * `maxPerHour` an hour. With REDIS_URL the counts are shared by every instance; if Redis becomes unreachable each
 * process falls back to its own in-memory counts (rate-limiter-flexible's insurance limiter) and logs it.
 */
const service = ({ strapi }: { strapi: Core.Strapi }) => {
  const limiters = new Map<FloodScope, Promise<RateLimiterAbstract[]>>();
  let redis: Redis | undefined;
  let redisDown = false;

  const config = () => getConfig(strapi, 'moderation').flood;
  /** COMMENT_FLOOD_CONTROL switches comments; reports, data requests and inquiries are limited unless their hourly allowance is 0. */
  const isOn = (scope: FloodScope) => {
    const settings = config();
    if (scope === 'report') return settings.reportsPerHour > 0;
    if (scope === 'data-request') return settings.dataRequestsPerHour > 0;
    if (scope === 'inquiry') return settings.inquiriesPerHour > 0;
    return settings.enabled;
  };

  const connectRedis = (url: string) => {
    // No offline queue: while Redis is away, commands fail at once and the in-memory insurance limiter answers.
    const client = new Redis(url, { enableOfflineQueue: false, maxRetriesPerRequest: 1, connectTimeout: 2000, lazyConnect: true });
    client.on('error', (error: Error) => {
      if (redisDown) return;
      redisDown = true;
      strapi.log.warn(`Flood control: Redis unavailable (${error.message}); counting per process until it is back.`);
    });
    client.on('ready', () => {
      if (redisDown) strapi.log.info('Flood control: Redis is back; counts are shared again.');
      redisDown = false;
    });
    return client;
  };

  const build = async (scope: FloodScope): Promise<RateLimiterAbstract[]> => {
    const settings = config();
    if (settings.redisUrl && !redis) {
      redis = connectRedis(settings.redisUrl);
      // Wait for the first connection so the first posts are already shared; if it fails, ioredis keeps retrying.
      await redis.connect().catch(() => undefined);
    }
    return windowsFor(settings, scope).map((window) => {
      const memory = new RateLimiterMemory(window);
      return redis ? new RateLimiterRedis({ ...window, storeClient: redis, insuranceLimiter: memory }) : memory;
    });
  };

  return {
    /** Counts one post for every key; refuses it when any key is over a limit. */
    async consume(keys: string[], scope: FloodScope = 'comment'): Promise<FloodDecision> {
      if (!isOn(scope)) return { allowed: true };
      if (!limiters.has(scope)) limiters.set(scope, build(scope));
      let retryAfterMs = 0;
      for (const limiter of await limiters.get(scope)!) {
        for (const key of keys) {
          try {
            await limiter.consume(key);
          } catch (rejection) {
            if (!(rejection instanceof RateLimiterRes)) throw rejection;
            retryAfterMs = Math.max(retryAfterMs, rejection.msBeforeNext);
          }
        }
      }
      return retryAfterMs > 0 ? { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(retryAfterMs / 1000)) } : { allowed: true };
    },

    /** Gives back what `consume` counted, for a post that was then refused (403, 400): refusals cost nothing. */
    async refund(keys: string[], scope: FloodScope = 'comment'): Promise<void> {
      const scoped = limiters.get(scope);
      if (!isOn(scope) || !scoped) return;
      for (const limiter of await scoped) {
        for (const key of keys) await limiter.reward(key, 1).catch(() => undefined);
      }
    },

    async close() {
      limiters.clear();
      if (redis) {
        redis.disconnect();
        redis = undefined;
      }
    },
  };
};

export default service;

declare module '#app/utils/services' {
  interface Services {
    'api::comment.flood-control': ReturnType<typeof service>;
  }
}
