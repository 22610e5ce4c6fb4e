import { execFile } from 'child_process';
import http from 'http';
import type { AddressInfo } from 'net';
import { promisify } from 'util';
import zlib from 'zlib';
import { seedDemoContent } from '../../src/seed/demo-content';
import { SEED_ARTICLE } from '../../src/seed/seed-article';
import { fullAccessApiToken } from '../helpers/auth';
import { startStrapi, type TestApp } from '../helpers/strapi';

/**
 * Answers in the coding the request accepts (issue 25): brotli before gzip, for JSON, .ics and the OpenAPI document
 * over 1 KB; each kept answer compressed once per coding; `Vary: Accept-Encoding`; the weak ETag the same in every
 * coding and 304s as before; tiny bodies as they are; answers the cache does not keep compressed too. Over HTTP with
 * Node's own client (raw bytes), Node's fetch (which decodes) and curl --compressed.
 */
let app: TestApp;
let base = '';
const FEED = '/api/group-programs/upcoming?include=jsonLd';

interface Raw {
  status: number;
  headers: http.IncomingHttpHeaders;
  bytes: Buffer;
}
const raw = (path: string, headers: Record<string, string> = {}) =>
  new Promise<Raw>((resolve, reject) => {
    http
      .get(`${base}${path}`, { headers }, (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, bytes: Buffer.concat(chunks) }));
      })
      .on('error', reject);
  });
const decode = ({ headers, bytes }: Raw) =>
  (headers['content-encoding'] === 'br' ? zlib.brotliDecompressSync(bytes) : headers['content-encoding'] === 'gzip' ? zlib.gunzipSync(bytes) : bytes).toString('utf8');
const varies = (res: Raw) => String(res.headers.vary ?? '').split(',').map((name) => name.trim().toLowerCase());

beforeAll(async () => {
  app = await startStrapi({ CRON_ENABLED: 'false' });
  await seedDemoContent(app.strapi);
  const server = app.strapi.server.httpServer;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await app?.stop();
});

describe('compression negotiated by Accept-Encoding', () => {
  it('sends the feed in brotli, gzip or as is, the same answer and weak ETag in each, with Vary: Accept-Encoding', async () => {
    const identity = await raw(FEED);
    const br = await raw(FEED, { 'accept-encoding': 'gzip, deflate, br' });
    const gzip = await raw(FEED, { 'accept-encoding': 'gzip' });
    expect([identity.status, br.status, gzip.status]).toEqual([200, 200, 200]);
    expect(identity.headers['content-encoding']).toBeUndefined();
    expect(br.headers['content-encoding']).toBe('br');
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(decode(br)).toBe(identity.bytes.toString('utf8'));
    expect(decode(gzip)).toBe(identity.bytes.toString('utf8'));
    expect(br.bytes.length).toBeLessThan(identity.bytes.length / 4);
    expect(gzip.bytes.length).toBeLessThan(identity.bytes.length / 3);
    expect(Number(br.headers['content-length'])).toBe(br.bytes.length);
    for (const res of [identity, br, gzip]) expect(varies(res)).toContain('accept-encoding');
    expect(br.headers.etag).toMatch(/^W\//);
    expect(new Set([identity.headers.etag, br.headers.etag, gzip.headers.etag]).size).toBe(1);
    expect(br.headers['content-type']).toBe(identity.headers['content-type']);
  });

  it('weighs q-values: gzip when brotli is refused or weighs less, identity when neither is accepted', async () => {
    expect((await raw(FEED, { 'accept-encoding': 'br;q=0, gzip' })).headers['content-encoding']).toBe('gzip');
    expect((await raw(FEED, { 'accept-encoding': 'br;q=0.5, gzip;q=0.8' })).headers['content-encoding']).toBe('gzip');
    expect((await raw(FEED, { 'accept-encoding': 'identity' })).headers['content-encoding']).toBeUndefined();
    expect((await raw(FEED, { 'accept-encoding': 'deflate' })).headers['content-encoding']).toBeUndefined();
  });

  it('answers If-None-Match with a 304 and no body whatever the coding', async () => {
    const first = await raw(FEED, { 'accept-encoding': 'br' });
    for (const coding of ['br', 'gzip', 'identity']) {
      const res = await raw(FEED, { 'accept-encoding': coding, 'if-none-match': String(first.headers.etag) });
      expect(res.status).toBe(304);
      expect(res.bytes.length).toBe(0);
      expect(res.headers['content-encoding']).toBeUndefined();
      expect(res.headers.etag).toBe(first.headers.etag);
      expect(varies(res)).toContain('accept-encoding');
    }
  });

  it('compresses a kept answer once per coding, however many requests ask at once', async () => {
    const spy = jest.spyOn(zlib, 'brotliCompress');
    try {
      const path = '/api/group-programs/upcoming?include=jsonLd&pageSize=3';
      await raw(path);
      const answers = await Promise.all(Array.from({ length: 20 }, () => raw(path, { 'accept-encoding': 'br' })));
      const again = await raw(path, { 'accept-encoding': 'br' });
      expect(spy).toHaveBeenCalledTimes(1);
      for (const res of [...answers, again]) expect(res.bytes.equals(answers[0].bytes)).toBe(true);
    } finally {
      spy.mockRestore();
    }
  });

  it('compresses calendars and the OpenAPI document; leaves bodies under 1 KB as they are', async () => {
    const ics = await raw('/api/group-programs/upcoming.ics', { 'accept-encoding': 'br' });
    expect(ics.headers['content-encoding']).toBe('br');
    expect(decode(ics)).toMatch(/^BEGIN:VCALENDAR/);
    const openapi = await raw('/api/openapi.json', { 'accept-encoding': 'br, gzip' });
    expect(openapi.headers['content-encoding']).toBe('br');
    expect(JSON.parse(decode(openapi)).openapi).toMatch(/^3\.1/);
    const tiny = await raw('/api/group-programs/upcoming?fields=slug&pageSize=1', { 'accept-encoding': 'br, gzip' });
    expect(tiny.status).toBe(200);
    expect(tiny.bytes.length).toBeLessThan(1024);
    expect(tiny.headers['content-encoding']).toBeUndefined();
    expect(varies(tiny)).toContain('accept-encoding');
    const missing = await raw('/api/articles/no-such-article', { 'accept-encoding': 'br, gzip' });
    expect(missing.status).toBe(404);
    expect(missing.headers['content-encoding']).toBeUndefined();
  });

  it('compresses answers the cache does not keep (a request with a token)', async () => {
    const token = await fullAccessApiToken(app.strapi);
    const res = await raw('/api/articles?pagination[pageSize]=10', { 'accept-encoding': 'br', authorization: `Bearer ${token}` });
    expect(res.status).toBe(200);
    expect(res.headers['content-encoding']).toBe('br');
    expect(JSON.parse(decode(res)).data.length).toBeGreaterThan(0);
    const gzip = await raw(`/api/articles/${SEED_ARTICLE.slug}`, { 'accept-encoding': 'gzip', authorization: `Bearer ${token}` });
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(JSON.parse(decode(gzip)).data.slug).toBe(SEED_ARTICLE.slug);
  });

  it("reads the same with Node's fetch, which decodes", async () => {
    const identity = await raw(FEED);
    const res = await fetch(`${base}${FEED}`, { headers: { 'accept-encoding': 'br' } });
    expect(res.headers.get('content-encoding')).toBe('br');
    expect(await res.text()).toBe(identity.bytes.toString('utf8'));
  });

  it('reads the same with curl --compressed', async () => {
    const identity = await raw(FEED);
    const { stdout } = await promisify(execFile)('curl', ['-sS', '--compressed', '-D', '-', `${base}${FEED}`], { maxBuffer: 16 * 1024 * 1024 });
    const [head, body] = stdout.split(/\r\n\r\n/);
    expect(head).toMatch(/^content-encoding: (br|gzip)\r?$/im);
    expect(head).toMatch(/^vary: .*accept-encoding/im);
    expect(body).toBe(identity.bytes.toString('utf8'));
  });
});
