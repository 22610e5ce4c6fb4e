import { createArticle, createProgram } from '../helpers/content';
import { startStrapi, type TestApp } from '../helpers/strapi';
import { partialInput } from '../helpers/content';

/** `/api/sitemap.xml`: published articles and programs on their website URLs, never a draft, fresh after a change. */
let app: TestApp;
const articles = () => app.strapi.documents('api::article.article');

const sitemap = async () => {
  const res = await app.http().get('/api/sitemap.xml');
  expect(res.status).toBe(200);
  expect(res.headers['content-type']).toBe('application/xml; charset=utf-8');
  const xml = res.text;
  expect(xml).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<urlset xmlns="http:\/\/www.sitemaps.org\/schemas\/sitemap\/0.9">/);
  const urls = [...xml.matchAll(/<url><loc>([^<]+)<\/loc><lastmod>([^<]+)<\/lastmod><\/url>/g)].map(([, loc, lastmod]) => ({ loc, lastmod }));
  expect(urls).toHaveLength((xml.match(/<url>/g) ?? []).length);
  return urls;
};
const locs = async () => (await sitemap()).map((url) => url.loc);

beforeAll(async () => {
  app = await startStrapi({
    ARTICLE_URL_TEMPLATE: 'https://www.example.org/articles/{slug}',
    PROGRAM_URL_TEMPLATE: 'https://www.example.org/groups/{slug}',
  });
});
afterAll(async () => {
  await app?.stop();
});

it('lists published articles and programs on their website URLs with lastmod, and no draft', async () => {
  const article = await createArticle(app, 'Sitemap & you');
  await createProgram(app, 'Sitemap Grief Group');
  await createArticle(app, 'Sitemap draft article', { draft: true });
  await createProgram(app, 'Sitemap draft program', { draft: true });
  await app.strapi.documents('api::topic.topic').create({ data: partialInput<'api::topic.topic'>({ name: 'Sitemap topic' }) });

  const urls = await sitemap();
  expect(urls.map((url) => url.loc)).toEqual(['https://www.example.org/articles/sitemap-and-you', 'https://www.example.org/groups/sitemap-grief-group']);
  const stored = await articles().findOne({ documentId: article.documentId, status: 'published' });
  expect(urls[0].lastmod).toBe(new Date(stored!.updatedAt as string).toISOString().replace(/\.\d{3}Z$/, 'Z'));
});

it('is public, and follows publish, unpublish and delete at once despite its cache', async () => {
  expect(await locs()).not.toContain('https://www.example.org/articles/published-later');
  const later = await createArticle(app, 'Published later', { draft: true });
  expect(await locs()).not.toContain('https://www.example.org/articles/published-later');
  await articles().publish({ documentId: later.documentId });
  expect(await locs()).toContain('https://www.example.org/articles/published-later');
  await articles().unpublish({ documentId: later.documentId });
  expect(await locs()).not.toContain('https://www.example.org/articles/published-later');

  const gone = await createArticle(app, 'Deleted soon');
  expect(await locs()).toContain('https://www.example.org/articles/deleted-soon');
  await articles().delete({ documentId: gone.documentId });
  expect(await locs()).not.toContain('https://www.example.org/articles/deleted-soon');
});

it('shows the published version of an article with an unpublished edit', async () => {
  const article = await createArticle(app, 'Edited in draft');
  await articles().update({ documentId: article.documentId, data: { slug: 'secret-new-slug' } });
  const all = await locs();
  expect(all).toContain('https://www.example.org/articles/edited-in-draft');
  expect(all.join()).not.toMatch(/secret-new-slug/);
});
