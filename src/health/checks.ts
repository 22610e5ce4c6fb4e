import Redis from 'ioredis';

export type CheckName = 'database' | 'redis';
export type Check = () => Promise<void>;

export class CheckTimeoutError extends Error {
  constructor(readonly ms: number) {
    super(`no answer within ${ms} ms`);
    this.name = 'CheckTimeoutError';
  }
}

/** Rejects when `promise` has not settled within `ms`. */
export const withTimeout = <T>(promise: Promise<T>, ms: number): Promise<T> => {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new CheckTimeoutError(ms)), ms);
    timer.unref();
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
};

export interface ReadinessReport {
  ready: boolean;
  checks: Partial<Record<CheckName, 'up' | 'down'>>;
  down: CheckName[];
  errors: Partial<Record<CheckName, string>>;
}

/** Runs every check at once, each bounded by `timeoutMs`. */
export const runChecks = async (checks: Partial<Record<CheckName, Check>>, timeoutMs: number): Promise<ReadinessReport> => {
  const entries = Object.entries(checks) as Array<[CheckName, Check]>;
  const outcomes = await Promise.all(
    entries.map(async ([name, check]) => {
      try {
        await withTimeout(check(), timeoutMs);
        return { name, error: undefined };
      } catch (error) {
        return { name, error: (error as Error).message || String(error) };
      }
    })
  );
  const report: ReadinessReport = { ready: true, checks: {}, down: [], errors: {} };
  for (const { name, error } of outcomes) {
    report.checks[name] = error === undefined ? 'up' : 'down';
    if (error !== undefined) {
      report.ready = false;
      report.down.push(name);
      report.errors[name] = error;
    }
  }
  return report;
};

/**
 * A long-lived Redis connection for readiness probes: commands fail at once while it is disconnected (no offline
 * queue) and ioredis reconnects in the background, so a probe never waits on a dead server longer than its timeout.
 */
export const createRedisProbe = (url: string) => {
  let client: Redis | undefined;
  const connected = (redis: Redis) =>
    redis.status === 'ready'
      ? Promise.resolve()
      : new Promise<void>((resolve, reject) => {
          const settle = (error?: Error) => {
            redis.off('ready', settle).off('error', settle);
            if (error) reject(error);
            else resolve();
          };
          redis.on('ready', settle).on('error', settle);
        });
  return {
    async ping() {
      if (!client) {
        client = new Redis(url, { enableOfflineQueue: false, maxRetriesPerRequest: 0, connectTimeout: 2000 });
        client.on('error', () => undefined); // reported by the probe that fails, not as an unhandled event
      }
      await connected(client);
      await client.ping();
    },
    close() {
      client?.disconnect();
      client = undefined;
    },
  };
};
