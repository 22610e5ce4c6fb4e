import { startStrapi, type TestApp } from '../helpers/strapi';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { seedScale } = require('../../bench/seed-scale') as { seedScale: (strapi: unknown, sizes: Record<string, number>) => Promise<unknown> };

/**
 * The feed's item shape (issue 25): lean by default (what a listing shows, no JSON-LD), JSON-LD on request
 * (`include=jsonLd`), fields picked with `fields=` (unknown names are a 400 naming them), and the size of the default
 * first page for 25 programs of the bench's data (`bench/seed-scale.js`): at most 40 KB uncompressed.
 */
let app: TestApp;
type Item = Record<string, unknown>;
const feed = async (query = '') => {
  const res = await app.http().get(`/api/group-programs/upcoming?${query}`).expect(200);
  return { body: res.body as { data: Item[]; meta: Record<string, any> }, bytes: Buffer.byteLength(res.text) };
};

beforeAll(async () => {
  app = await startStrapi();
  await seedScale(app.strapi, { programs: 30 });
}, 300_000);
afterAll(async () => {
  await app?.stop();
});

describe('the feed item shape', () => {
  it('lists 25 programs on the default first page, without JSON-LD, in at most 40 KB', async () => {
    const { body, bytes } = await feed();
    expect(body.data).toHaveLength(25);
    expect(body.meta.pagination.total).toBeGreaterThanOrEqual(25);
    for (const item of body.data) {
      expect(item).not.toHaveProperty('jsonLd');
      expect(item).toMatchObject({ slug: expect.any(String), title: expect.any(String), nextSession: { start: expect.any(String) }, url: expect.any(String) });
    }
    expect(bytes).toBeLessThanOrEqual(40 * 1024);
  });

  it('include=jsonLd gives each item its schema.org graph (the former shape), for the same programs', async () => {
    const lean = await feed();
    const full = await feed('include=jsonLd');
    expect(full.body.data.map((item) => item.slug)).toEqual(lean.body.data.map((item) => item.slug));
    for (const [index, item] of full.body.data.entries()) {
      const { jsonLd, ...rest } = item as Item & { jsonLd: { '@context': string; '@graph': Array<{ '@type': string }> } };
      expect(rest).toEqual(lean.body.data[index]);
      expect(jsonLd['@context']).toBe('https://schema.org');
      expect(jsonLd['@graph'][0]['@type']).toBe('EventSeries');
    }
    expect(full.bytes).toBeGreaterThan(lean.bytes * 2);
    process.stdout.write(`feed first page (25 programs): ${lean.bytes} bytes lean, ${full.bytes} bytes with include=jsonLd\n`);
  });

  it('fields= picks item fields, as a list or a qs array, in the order items list them', async () => {
    const { body } = await feed('fields=title,nextSession,slug&pageSize=5');
    expect(body.data).toHaveLength(5);
    for (const item of body.data) expect(Object.keys(item)).toEqual(['title', 'nextSession', 'slug']);
    const array = await feed('fields[0]=slug&fields[1]=url&pageSize=5');
    for (const item of array.body.data) expect(Object.keys(item)).toEqual(['slug', 'url']);
    const withJsonLd = await feed('fields=slug&include=jsonLd&pageSize=2');
    for (const item of withJsonLd.body.data) expect(Object.keys(item)).toEqual(['slug', 'jsonLd']);
    expect(body.meta.pagination).toMatchObject({ page: 1, pageSize: 5 });
  });

  it('answers an unknown field or include with a 400 naming the parameter and the name', async () => {
    const field = await app.http().get('/api/group-programs/upcoming?fields=slug,jsonLdd').expect(400);
    expect(field.body.error.details.errors[0]).toMatchObject({ path: ['fields'], message: expect.stringContaining('"jsonLdd"') });
    const include = await app.http().get('/api/group-programs/upcoming?include=topics').expect(400);
    expect(include.body.error.details.errors[0]).toMatchObject({ path: ['include'], message: expect.stringContaining('"topics"') });
    // Calendars take no item shape.
    await app.http().get('/api/group-programs/upcoming.ics?fields=slug').expect(400);
  });
});

describe('the program list', () => {
  const list = async (query = '') => {
    const res = await app.http().get(`/api/group-programs?${query}`).expect(200);
    return { data: res.body.data as Item[], bytes: Buffer.byteLength(res.text) };
  };

  it('is lean by default: the .ics and webcal: addresses, no JSON-LD and no per-session links; the page carries all', async () => {
    const lean = await list();
    expect(lean.data).toHaveLength(25);
    for (const program of lean.data) {
      expect(program).not.toHaveProperty('jsonLd');
      expect(Object.keys(program.addToCalendar as object).sort()).toEqual(['ics', 'webcal']);
    }
    expect(lean.bytes).toBeLessThanOrEqual(40 * 1024);
    const page = (await app.http().get(`/api/group-programs/${lean.data[0].slug}`).expect(200)).body.data;
    expect(page.jsonLd['@graph'][0]['@type']).toBe('EventSeries');
    expect(page.addToCalendar).toMatchObject({ ics: (lean.data[0].addToCalendar as Item).ics, google: expect.stringContaining('google.com'), sessions: expect.any(Array) });
  });

  it('carries the JSON-LD and the Google and Outlook links on request, the same as each program page', async () => {
    const full = await list('include=jsonLd,calendarLinks&pagination[pageSize]=5');
    const array = await list('include[0]=jsonLd&pagination[pageSize]=5');
    expect(full.data).toHaveLength(5);
    for (const [index, program] of full.data.entries()) {
      const page = (await app.http().get(`/api/group-programs/${program.slug}`).expect(200)).body.data;
      expect(program.jsonLd).toEqual(page.jsonLd);
      expect(program.addToCalendar).toEqual(page.addToCalendar);
      expect(array.data[index].jsonLd).toEqual(page.jsonLd);
      expect(Object.keys(array.data[index].addToCalendar as object).sort()).toEqual(['ics', 'webcal']);
    }
  });

  it('answers an include it does not know with a 400 naming the parameter and the name, and nothing else takes one', async () => {
    const res = await app.http().get('/api/group-programs?include=jsonLd,topics').expect(400);
    expect(res.body.error.details.errors[0]).toMatchObject({ path: ['include'], message: expect.stringContaining('"topics"') });
    const listed = await list('include[0]=jsonLd,calendarLinks&pagination[pageSize]=2');
    expect(listed.data[0]).toHaveProperty('jsonLd');
    expect(listed.data[0].addToCalendar).toHaveProperty('sessions');
    const keyed = await app.http().get('/api/group-programs?include[x]=jsonLd').expect(400);
    expect(keyed.body.error.details.errors[0]).toMatchObject({ path: ['include'] });
    const articles = await app.http().get('/api/articles?include=jsonLd').expect(400);
    expect(articles.body.error.details.errors[0]).toMatchObject({ path: ['include'] });
  });
});
