import { keptAnswer, keptReadKey } from '../../src/utils/response-cache/answer';
import type { CachedResponse } from '../../src/utils/response-cache/store';

const entry = (): CachedResponse => ({
  status: 200,
  headers: [['Content-Type', 'application/json; charset=utf-8'], ['Vary', 'Origin'], ['ETag', 'W/"old"'], ['X-Frame-Options', 'SAMEORIGIN']],
  body: Buffer.from('{"data":[]}'.repeat(200)),
  etag: 'W/"abc"',
  tags: ['api::article.article'],
  compressible: true,
  variants: {},
});
const named = (headers: string[], name: string) => {
  const at = headers.findIndex((value, index) => index % 2 === 0 && value.toLowerCase() === name);
  return at === -1 ? undefined : headers[at + 1];
};

describe('keptAnswer', () => {
  it('sends the kept headers with Vary naming Accept-Encoding and the ETag of the coding, and the length of what is sent', () => {
    const kept = entry();
    const identity = keptAnswer(kept, undefined, undefined);
    expect(identity).toMatchObject({ status: 200, encoding: null });
    expect(named(identity.raw, 'vary')).toBe('Origin, Accept-Encoding');
    expect(named(identity.raw, 'etag')).toBe('W/"abc"');
    expect(named(identity.raw, 'content-length')).toBe(String(kept.body.length));
    expect(named(identity.raw, 'x-frame-options')).toBe('SAMEORIGIN');
    expect(identity.raw.filter((value, index) => index % 2 === 0 && value.toLowerCase() === 'etag')).toHaveLength(1);
  });

  it('names no length for a coding not compressed yet, and the variant’s once it is', () => {
    const kept = entry();
    const before = keptAnswer(kept, 'br', undefined);
    expect(before.encoding).toBe('br');
    expect(named(before.raw, 'content-length')).toBeUndefined();
    kept.variants.br = Buffer.from('tiny');
    const after = keptAnswer(kept, 'br, gzip', undefined);
    expect(named(after.raw, 'content-encoding')).toBe('br');
    expect(named(after.raw, 'content-length')).toBe('4');
  });

  it('answers a matching If-None-Match with a 304 describing no body, whatever the coding asked', () => {
    for (const coding of ['br', 'gzip', undefined]) {
      const answer = keptAnswer(entry(), coding, 'W/"abc"');
      expect(answer).toMatchObject({ status: 304, encoding: null });
      for (const name of ['content-type', 'content-length', 'content-encoding']) expect(named(answer.raw, name)).toBeUndefined();
      expect(named(answer.raw, 'etag')).toBe('W/"abc"');
    }
  });
});

describe('keptReadKey', () => {
  const read = { method: 'GET', path: '/api/articles', querystring: 'b=2&a=1' };
  it('keys GET and HEAD of cached routes by path, sorted query and origin', () => {
    expect(keptReadKey(read, '*')?.key).toBe(' /api/articles?a=1&b=2');
    expect(keptReadKey({ ...read, method: 'HEAD', querystring: '' }, '*')?.key).toBe(' /api/articles?');
    expect(keptReadKey({ ...read, origin: 'https://stranger.example' }, ['https://site.example'])?.key).toBe('(unlisted) /api/articles?a=1&b=2');
  });
  it('never for other methods, credentials, drafts, another response format or routes that are not kept', () => {
    expect(keptReadKey({ ...read, format: 'v4' }, '*')).toBeNull();
    expect(keptReadKey({ ...read, method: 'POST' }, '*')).toBeNull();
    expect(keptReadKey({ ...read, authorization: 'Bearer x' }, '*')).toBeNull();
    expect(keptReadKey({ ...read, querystring: 'status=draft' }, '*')).toBeNull();
    expect(keptReadKey({ ...read, path: '/admin/users' }, '*')).toBeNull();
  });
});
