import type { Core } from '@strapi/strapi';
import { clears } from '../../cache/invalidation';
import { getConfig } from '../config';
import { getService } from '../services';
import { type Broadcast, createBroadcast } from './broadcast';
import { ResponseStore } from './store';

/**
 * One response cache per Strapi instance (config/response-cache.ts): the store, and the Redis broadcast when
 * REDIS_URL is set. The global middleware reads and fills it; the document middleware invalidates it.
 */
export interface ResponseCache {
  store: ResponseStore;
  /** Drops the answers made of these content types here and, through Redis, on every other instance. */
  invalidate(tags: readonly string[]): void;
  close(): Promise<void>;
}

const caches = new WeakMap<Core.Strapi, ResponseCache>();

/**
 * What this instance forgets when another instance changed a document of one of `tags`: the cached answers, and
 * the feed's own computed rankings, which would otherwise refill the cache with the old answer. (For a change made
 * here, src/document-middlewares/cache-invalidation.ts clears the feed's.)
 */
const forgetRemote = (strapi: Core.Strapi, store: ResponseStore, tags: readonly string[]) => {
  store.invalidate(tags);
  if (tags.some((tag) => clears('feed', tag))) getService(strapi, 'api::group-program.feed').invalidate();
};

export const responseCache = (strapi: Core.Strapi): ResponseCache | null => {
  const existing = caches.get(strapi);
  if (existing) return existing;
  const config = getConfig(strapi, 'response-cache');
  if (!config.enabled) return null;

  const store = new ResponseStore({ maxBytes: config.maxMegabytes * 1024 * 1024, ttlSeconds: config.ttlSeconds });
  const broadcast: Broadcast | null = config.redisUrl ? createBroadcast(config.redisUrl, config.channel, (tags) => forgetRemote(strapi, store, tags), strapi.log) : null;
  const cache: ResponseCache = {
    store,
    invalidate(tags) {
      store.invalidate(tags);
      broadcast?.publish(tags);
    },
    close: async () => {
      await broadcast?.close();
    },
  };
  caches.set(strapi, cache);
  return cache;
};

/** At shutdown: closes the Redis connections of an instance's cache, if it made one. */
export const closeResponseCache = async (strapi: Core.Strapi) => {
  await caches.get(strapi)?.close();
  caches.delete(strapi);
};
