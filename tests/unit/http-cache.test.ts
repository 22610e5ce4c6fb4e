import type { Context } from 'koa';
import { etagOf, respondWith } from '../../src/utils/http-cache';

/** The part of a koa context respondWith touches. */
const fakeContext = (method: string, headers: Record<string, string>) => {
  const set: Record<string, string> = {};
  const ctx = {
    method,
    status: 404,
    body: undefined as unknown,
    type: '',
    set: (name: string, value: string) => {
      set[name.toLowerCase()] = value;
    },
    get: (name: string) => headers[name.toLowerCase()] ?? '',
    vary: () => undefined,
  };
  return { ctx, set, as: ctx as unknown as Context };
};

describe('HTTP caching', () => {
  const answer = { body: '{"data":[]}', etag: etagOf('{"data":[]}') };

  it('answers 200 with the body, its ETag and Cache-Control', () => {
    const { ctx, set, as } = fakeContext('GET', {});
    respondWith(as, answer, 'application/json; charset=utf-8', 'public, max-age=60');
    expect(ctx.status).toBe(200);
    expect(ctx.body).toBe(answer.body);
    expect(set).toEqual({ etag: answer.etag, 'cache-control': 'public, max-age=60' });
    expect(answer.etag).toMatch(/^W\/"[\w-]+"$/);
  });

  it.each([
    [answer.etag, 'no-cache'],
    [answer.etag.replace(/^W\//, ''), ''],
    [`"other", ${answer.etag}`, 'max-age=0'],
    ['*', ''],
  ])('If-None-Match %s (Cache-Control %j) is a 304 without a body', (ifNoneMatch, cacheControl) => {
    const { ctx, as } = fakeContext('GET', { 'if-none-match': ifNoneMatch, 'cache-control': cacheControl });
    respondWith(as, answer, 'application/json', 'public, max-age=60');
    expect(ctx.status).toBe(304);
    expect(ctx.body).toBeUndefined();
  });

  it('a different tag gets the body', () => {
    const { ctx, as } = fakeContext('GET', { 'if-none-match': 'W/"something-else"' });
    respondWith(as, answer, 'application/json', 'public, max-age=60');
    expect(ctx.status).toBe(200);
  });
});
