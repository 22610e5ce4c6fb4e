import Redis from 'ioredis';

/**
 * Invalidations shared by every instance through Redis pub/sub: an instance that sees a change publishes the tags,
 * every instance (itself included) drops those answers at once. Without Redis each instance relies on its own
 * invalidations and the entries' age limit. Connection trouble is logged and retried by ioredis; it never fails a
 * request.
 */
export interface Broadcast {
  publish(tags: readonly string[]): void;
  close(): Promise<void>;
}

interface Log {
  warn(message: string): void;
}

export const createBroadcast = (redisUrl: string, channel: string, onTags: (tags: string[]) => void, log: Log): Broadcast => {
  const options = { lazyConnect: false, maxRetriesPerRequest: 1, enableOfflineQueue: false };
  const publisher = new Redis(redisUrl, options);
  const subscriber = new Redis(redisUrl, { ...options, enableOfflineQueue: true });
  let warned = false;
  const onError = (error: Error) => {
    if (!warned) log.warn(`Response cache: Redis unavailable (${error.message}); each instance clears its own cache until it is back.`);
    warned = true;
  };
  publisher.on('error', onError);
  subscriber.on('error', onError);
  subscriber.on('ready', () => (warned = false));
  subscriber.subscribe(channel).catch(onError);
  subscriber.on('message', (_channel: string, message: string) => {
    try {
      const tags = JSON.parse(message) as unknown;
      if (Array.isArray(tags)) onTags(tags.filter((tag): tag is string => typeof tag === 'string'));
    } catch {
      // Not ours: ignore.
    }
  });

  return {
    publish(tags) {
      publisher.publish(channel, JSON.stringify(tags)).catch(onError);
    },
    async close() {
      // disconnect, not quit: quit waits for a reply a Redis that went away never sends, and ioredis would keep
      // reconnecting (and the process alive) meanwhile.
      publisher.disconnect();
      subscriber.disconnect();
    },
  };
};
