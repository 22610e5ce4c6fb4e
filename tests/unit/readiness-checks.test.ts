import { runChecks } from '../../src/health/checks';

describe('readiness checks', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('are ready when every check answers', async () => {
    await expect(runChecks({ database: async () => undefined, redis: async () => undefined }, 1000)).resolves.toEqual({
      ready: true,
      checks: { database: 'up', redis: 'up' },
      down: [],
      errors: {},
    });
  });

  it('name a check that fails, and one that never answers within the timeout', async () => {
    const report = runChecks({ database: () => new Promise<void>(() => undefined), redis: async () => Promise.reject(new Error('ECONNREFUSED')) }, 2000);
    await jest.advanceTimersByTimeAsync(2000);
    await expect(report).resolves.toEqual({
      ready: false,
      checks: { database: 'down', redis: 'down' },
      down: ['database', 'redis'],
      errors: { database: 'no answer within 2000 ms', redis: 'ECONNREFUSED' },
    });
  });
});
