import type { Core } from '@strapi/strapi';

/**
 * The response cache of public reads (src/middlewares/response-cache.ts): articles, topics, programs, comment
 * threads and the feed, served from memory before the rest of the middleware chain, cleared at once by any change
 * to a document an answer is made of. With REDIS_URL set, clearing reaches every instance through Redis pub/sub.
 * The age limit only bounds answers that depend on the clock (the feed's "upcoming" window).
 */
const config = ({ env }: Core.Config.Shared.ConfigParams) => ({
  enabled: env.bool('RESPONSE_CACHE', true),
  ttlSeconds: env.int('RESPONSE_CACHE_TTL_SECONDS', 60),
  maxMegabytes: env.int('RESPONSE_CACHE_MAX_MB', 64),
  redisUrl: env('REDIS_URL', ''),
  channel: `${env('COMMENT_FLOOD_KEY_PREFIX', 'counseling')}:response-cache`,
});

export type ResponseCacheConfig = ReturnType<typeof config>;

export default config;
