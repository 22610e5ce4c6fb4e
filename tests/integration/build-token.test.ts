import { createArticle, createProgram, programData } from '../helpers/content';
import { startStrapi, type TestApp } from '../helpers/strapi';
import { BUILD_TOKEN_ACTIONS, createBuildToken } from '../../src/tokens/build-token';
import { PUBLIC_ACTIONS } from '../../src/bootstrap/public-permissions';

/** `npm run token:create -- --name website-build`: a token a static site build reads with, and nothing more. */
let app: TestApp;
let token: string;
let published: { documentId: string; slug: string };
let draft: { documentId: string; slug: string };

const asBuild = (method: 'get' | 'post' | 'put' | 'delete', url: string) => app.http()[method](url).set('Authorization', `Bearer ${token}`);

beforeAll(async () => {
  app = await startStrapi();
  token = await createBuildToken(app.strapi, { name: 'website-build' });
  published = (await createArticle(app, 'Published for the build')) as typeof published;
  draft = (await createArticle(app, 'Draft the build skips', { draft: true })) as typeof draft;
  await createProgram(app, 'Program for the build');
});
afterAll(async () => {
  await app?.stop();
});

it('reads only what the Public role reads', () => {
  expect(BUILD_TOKEN_ACTIONS.filter((action) => !(PUBLIC_ACTIONS as readonly string[]).includes(action))).toEqual([]);
});

it('reads published articles, programs, topics, the feed, the sitemap and the API description', async () => {
  const list = await asBuild('get', '/api/articles');
  expect(list.status).toBe(200);
  const slugs = list.body.data.map((article: { slug: string }) => article.slug);
  expect(slugs).toContain(published.slug);
  expect(slugs).not.toContain(draft.slug);
  expect((await asBuild('get', `/api/articles/${published.slug}`)).status).toBe(200);
  expect((await asBuild('get', `/api/articles/${draft.slug}`)).status).toBe(404);
  expect((await asBuild('get', '/api/group-programs')).body.data.map((program: { title: string }) => program.title)).toContain('Program for the build');
  expect((await asBuild('get', '/api/topics')).status).toBe(200);
  expect((await asBuild('get', '/api/group-programs/upcoming?from=2027-01-01&to=2027-02-01')).status).toBe(200);
  expect((await asBuild('get', '/api/sitemap.xml')).status).toBe(200);
  expect((await asBuild('get', '/api/openapi.json')).status).toBe(200);
});

it('reads a draft only when the build asks for it with status=draft (a website preview)', async () => {
  const drafts = await asBuild('get', '/api/articles?status=draft');
  expect(drafts.status).toBe(200);
  expect(drafts.body.data.map((article: { slug: string }) => article.slug)).toContain(draft.slug);
  expect((await asBuild('get', `/api/articles/${draft.slug}?status=draft`)).status).toBe(200);
  // The same question without the token: drafts stay private.
  const anonymous = await app.http().get('/api/articles?status=draft');
  expect(anonymous.body.data.map((article: { slug: string }) => article.slug)).not.toContain(draft.slug);
});

it('is refused every write, and everything outside the public content', async () => {
  const refused = [
    await asBuild('post', '/api/articles').send({ data: { title: 'Written by a build', body: 'x' } }),
    await asBuild('put', `/api/articles/${published.documentId}`).send({ data: { title: 'Changed by a build' } }),
    await asBuild('delete', `/api/articles/${published.documentId}`),
    await asBuild('post', '/api/group-programs').send({ data: programData('Program by a build') }),
    await asBuild('post', '/api/topics').send({ data: { name: 'Topic by a build' } }),
    await asBuild('post', '/api/comments').send({ data: { article: published.documentId, authorName: 'Build', authorEmail: 'build@example.com', body: 'Hello' } }),
    await asBuild('get', '/api/users'),
    await asBuild('get', '/api/upload/files'),
    await asBuild('get', '/api/comments/moderation-queue'),
  ];
  expect(refused.map((res) => res.status)).toEqual([403, 403, 403, 403, 403, 403, 403, 403, 403]);
  const article = await app.strapi.documents('api::article.article').findOne({ documentId: published.documentId, status: 'published' });
  expect(article?.title).toBe('Published for the build');
});

it('may expire after 7, 30 or 90 days, and nothing else', async () => {
  await createBuildToken(app.strapi, { name: 'preview-week', lifespanDays: 7 });
  const stored = await app.strapi.db.query('admin::api-token').findOne({ where: { name: 'preview-week' } });
  const days = (new Date(stored.expiresAt).getTime() - Date.now()) / (24 * 60 * 60 * 1000);
  expect(Math.round(days)).toBe(7);
  await expect(createBuildToken(app.strapi, { name: 'odd', lifespanDays: 10 })).rejects.toThrow(/7, 30 or 90/);
});

it('is created once per name and is not a full-access token', async () => {
  await expect(createBuildToken(app.strapi, { name: 'website-build' })).rejects.toThrow(/already exists/);
  const stored = await app.strapi.db.query('admin::api-token').findOne({ where: { name: 'website-build' }, populate: ['permissions'] });
  expect(stored.type).toBe('custom');
  expect(stored.accessKey).not.toBe(token); // only a hash is kept
  expect(stored.permissions.map((permission: { action: string }) => permission.action).sort()).toEqual([...BUILD_TOKEN_ACTIONS].sort());
});
