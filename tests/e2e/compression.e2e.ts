import fs from 'fs';
import path from 'path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { productionSecrets, startServerProcess, type ServerProcess } from '../helpers/server-process';

/**
 * Compressed answers as a browser receives them (issue 25), in Debian's Chromium on the built project: the feed, the
 * calendar and the OpenAPI document come in a coding Chromium asked for (brotli when it asks for it), Chromium decodes
 * them to the same text Node reads uncompressed, and its Resource Timing shows fewer bytes over the wire than decoded.
 */
let server: ServerProcess;
const databaseFile = path.join('.tmp', `e2e-compression-${Date.now()}.db`);
let browser: Browser;
let page: Page;

const PATHS = ['/api/group-programs/upcoming?include=jsonLd', '/api/group-programs/upcoming.ics', '/api/openapi.json'];

beforeAll(async () => {
  server = await startServerProcess({ ...productionSecrets(), DATABASE_CLIENT: 'sqlite', DATABASE_FILENAME: databaseFile, SEED_DEMO_CONTENT: 'true' });
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  page = await browser.newPage();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  fs.rmSync(path.resolve(__dirname, '../..', databaseFile), { force: true });
});

/** The codings a request accepts, by name, from its Accept-Encoding header. */
const accepted = (header: string | undefined) => (header ?? '').split(',').map((part) => part.split(';')[0].trim().toLowerCase()).filter(Boolean);

describe('Chromium reading the public answers', () => {
  it.each(PATHS)('gets %s in a coding it asked for and decodes it to the uncompressed text', async (answerPath) => {
    const identity = await fetch(`${server.url}${answerPath}`, { headers: { 'accept-encoding': 'identity' } });
    expect(identity.status).toBe(200);
    expect(identity.headers.get('content-encoding')).toBeNull();
    const text = await identity.text();

    // From a page of the same origin (a calendar opened as a page would be a download).
    if (!page.url().startsWith(server.url)) await page.goto(`${server.url}/api/openapi.json`);
    const url = `${server.url}${answerPath}`;
    const [response] = await Promise.all([
      page.waitForResponse((candidate) => candidate.url() === url),
      page.evaluate(async (target) => (await fetch(target, { cache: 'no-store' })).text(), url),
    ]);
    expect(response.status()).toBe(200);
    const asked = accepted((await response.request().allHeaders())['accept-encoding']);
    const headers = await response.allHeaders();
    expect(asked).toContain('gzip');
    expect(asked).toContain(headers['content-encoding']);
    if (asked.includes('br')) expect(headers['content-encoding']).toBe('br');
    expect(headers.vary?.toLowerCase()).toContain('accept-encoding');
    expect((await response.body()).toString('utf8')).toBe(text);
  });

  it('sees fewer bytes over the wire than it decodes, for a fetch from the page', async () => {
    await page.goto(`${server.url}/api/openapi.json`);
    const sizes = await page.evaluate(async (feedPath) => {
      const url = new URL(feedPath, location.href).href;
      const body = await (await fetch(url, { cache: 'no-store' })).text();
      let entry: PerformanceResourceTiming | undefined;
      // The timing entry is queued as the response ends: waited for, not assumed.
      for (let tries = 0; !entry && tries < 100; tries += 1) {
        entry = performance.getEntriesByName(url).pop() as PerformanceResourceTiming | undefined;
        if (!entry) await new Promise((resolve) => setTimeout(resolve, 20));
      }
      return { characters: body.length, encoded: entry?.encodedBodySize ?? -1, decoded: entry?.decodedBodySize ?? -1 };
    }, PATHS[0]);
    expect(sizes.characters).toBeGreaterThan(1000);
    expect(sizes.decoded).toBeGreaterThan(0);
    expect(sizes.encoded).toBeGreaterThan(0);
    expect(sizes.encoded).toBeLessThan(sizes.decoded / 3);
  });
});
