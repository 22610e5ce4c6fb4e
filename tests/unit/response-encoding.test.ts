import zlib from 'zlib';
import { encode, etagFor, preferredEncoding, varyWithEncoding, worthCompressing } from '../../src/utils/response-cache/encoding';
import { ResponseStore, type CachedResponse } from '../../src/utils/response-cache/store';

/** Content coding negotiation and the response cache's encoded variants (src/utils/response-cache). */
describe('preferredEncoding', () => {
  it.each([
    [undefined, null],
    ['', null],
    ['gzip, deflate, br, zstd', 'br'],
    ['gzip, deflate', 'gzip'],
    ['br;q=0, gzip', 'gzip'],
    ['br;q=0.2, gzip;q=0.9', 'gzip'],
    ['BR', 'br'],
    ['x-gzip', 'gzip'],
    ['*', 'br'],
    ['*;q=0, gzip', 'gzip'],
    ['identity', null],
    ['deflate', null],
    ['gzip;q=0, br;q=0', null],
  ])('%s → %s', (header, expected) => {
    expect(preferredEncoding(header)).toBe(expected);
  });
});

describe('worthCompressing', () => {
  it('takes text-like types from 1 KB that are not encoded already', () => {
    expect(worthCompressing('application/json; charset=utf-8', 2048)).toBe(true);
    expect(worthCompressing('text/calendar; charset=utf-8', 2048)).toBe(true);
    expect(worthCompressing('application/xml', 2048)).toBe(true);
    expect(worthCompressing('application/problem+json', 2048)).toBe(true);
    expect(worthCompressing('application/json', 1023)).toBe(false);
    expect(worthCompressing('image/png', 50_000)).toBe(false);
    expect(worthCompressing('application/gzip', 50_000)).toBe(false);
    expect(worthCompressing('application/json', 50_000, 'gzip')).toBe(false);
    expect(worthCompressing(undefined, 50_000)).toBe(false);
  });
});

describe('ETags and Vary', () => {
  it('keeps a weak ETag in every coding and gives a strong one the coding', () => {
    expect(etagFor('W/"abc"', 'br')).toBe('W/"abc"');
    expect(etagFor('"abc"', 'br')).toBe('"abc-br"');
    expect(etagFor('"abc"', null)).toBe('"abc"');
  });
  it('adds Accept-Encoding to Vary once', () => {
    expect(varyWithEncoding(undefined)).toBe('Accept-Encoding');
    expect(varyWithEncoding('Origin')).toBe('Origin, Accept-Encoding');
    expect(varyWithEncoding('Origin, accept-encoding')).toBe('Origin, accept-encoding');
  });
});

describe('encoded variants in the store', () => {
  const body = Buffer.from(JSON.stringify({ data: Array.from({ length: 200 }, (_, index) => ({ index, title: `Program ${index}` })) }));
  const entry = (): CachedResponse => ({ status: 200, headers: [], body, etag: 'W/"x"', tags: ['t'], compressible: true, variants: {} });

  it('round-trips brotli and gzip', async () => {
    expect(zlib.brotliDecompressSync(await encode(body, 'br')).equals(body)).toBe(true);
    expect(zlib.gunzipSync(await encode(body, 'gzip')).equals(body)).toBe(true);
  });

  it('compresses once for concurrent asks, keeps the variant and counts it in the byte budget', async () => {
    const store = new ResponseStore({ maxBytes: 1024 * 1024, ttlSeconds: 60 });
    const kept = entry();
    store.set('k', kept, store.snapshot(kept.tags));
    const before = store.bytes;
    const [a, b] = await Promise.all([store.variant('k', kept, 'br'), store.variant('k', kept, 'br')]);
    expect(a).toBe(b);
    expect(kept.variants.br).toBe(a);
    expect(store.bytes).toBe(before + a.length);
    expect(store.variant('k', kept, 'br')).toBe(a);
  });

  it('does not keep a variant for an entry dropped meanwhile, or one over the budget', async () => {
    const store = new ResponseStore({ maxBytes: body.length + 600, ttlSeconds: 60 });
    const kept = entry();
    store.set('k', kept, store.snapshot(kept.tags));
    await store.variant('k', kept, 'gzip');
    expect(kept.variants.gzip).toBeUndefined();
    store.invalidate(['t']);
    const dropped = entry();
    await new ResponseStore({ maxBytes: 1024 * 1024, ttlSeconds: 60 }).variant('other', dropped, 'br');
    expect(dropped.variants.br).toBeUndefined();
  });
});
