import { createDebouncedBatch } from '../../src/site-rebuild/debounce';
import { deliver } from '../../src/site-rebuild/deliver';
import { sign, verify } from '../../src/site-rebuild/signature';

describe('the debounced batch', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('hands over one batch per burst, after the last item', () => {
    const batches: number[][] = [];
    const batch = createDebouncedBatch<number>(1000, (items) => batches.push(items));
    batch.add(1);
    jest.advanceTimersByTime(900);
    batch.add(2);
    jest.advanceTimersByTime(900);
    expect(batches).toEqual([]);
    jest.advanceTimersByTime(100);
    expect(batches).toEqual([[1, 2]]);
    batch.add(3);
    expect(batch.takePending()).toEqual([3]);
    jest.advanceTimersByTime(5000);
    expect(batches).toEqual([[1, 2]]);
  });
});

describe('signatures', () => {
  it('are HMAC-SHA256 of the exact body, checked in constant time', () => {
    const body = '{"event":"site.rebuild"}';
    expect(sign(body, 'k')).toMatch(/^sha256=[0-9a-f]{64}$/);
    expect(verify(body, 'k', sign(body, 'k'))).toBe(true);
    expect(verify(`${body} `, 'k', sign(body, 'k'))).toBe(false);
    expect(verify(body, 'k', undefined)).toBe(false);
  });
});

describe('delivery', () => {
  const answers = (...statuses: Array<number | Error>) => {
    const sent: string[] = [];
    const fake = (async (_url: string, init?: RequestInit) => {
      sent.push(String(init?.body));
      const next = statuses.shift() ?? 200;
      if (next instanceof Error) throw next;
      return new Response('{}', { status: next });
    }) as typeof fetch;
    return { fake, sent };
  };

  it('backs off exponentially on network errors and 5xx, then succeeds', async () => {
    const waits: number[] = [];
    const { fake, sent } = answers(new Error('ECONNREFUSED'), 502, 429, 202);
    const result = await deliver('http://hook', 'body', {}, { retries: 4, retryBaseMs: 100, timeoutMs: 1000, fetch: fake, sleep: async (ms) => void waits.push(ms) });
    expect(result).toEqual({ ok: true, attempts: 4, status: 202 });
    expect(waits).toEqual([100, 200, 400]);
    expect(sent).toEqual(['body', 'body', 'body', 'body']);
  });

  it('gives up after the retries, and at once on a 4xx refusal', async () => {
    const gaveUp = await deliver('http://hook', 'b', {}, { retries: 2, retryBaseMs: 1, timeoutMs: 1000, fetch: answers(500, 500, 500, 200).fake, sleep: async () => undefined });
    expect(gaveUp).toEqual({ ok: false, attempts: 3, status: 500, reason: 'HTTP 500' });
    const refused = await deliver('http://hook', 'b', {}, { retries: 5, retryBaseMs: 1, timeoutMs: 1000, fetch: answers(401).fake, sleep: async () => undefined });
    expect(refused).toEqual({ ok: false, attempts: 1, status: 401, reason: 'HTTP 401' });
  });
});
