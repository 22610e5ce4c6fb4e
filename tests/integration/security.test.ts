import fs from 'fs';
import os from 'os';
import path from 'path';
import { seedDemoContent } from '../../src/seed/demo-content';
import { SEED_ARTICLE } from '../../src/seed/seed-article';
import { postComment, uniqueEmail } from '../helpers/comments';
import { startStrapi, type TestApp } from '../helpers/strapi';
import { partialInput } from '../helpers/content';

const SITE = 'https://site.example';
let app: TestApp;
let publishedWithSecretEdit: string;
let approvedCommentId: string;

const articles = () => app.strapi.documents('api::article.article');
const get = (url: string) => app.http().get(url);

beforeAll(async () => {
  app = await startStrapi({ IS_PROXIED: 'true', COMMENT_FLOOD_CONTROL: 'false', CORS_ORIGINS: SITE });
  await seedDemoContent(app.strapi);
  const grief = await app.strapi.documents('api::topic.topic').findFirst({ filters: { slug: 'grief' } });
  // A draft-only article on a public topic, and a published article with an unpublished edit.
  await articles().create({ data: partialInput<'api::article.article'>({ title: 'Zebra draft only', body: 'draft body secret', topics: [grief!.documentId] }) });
  const published = await articles().create({ data: partialInput<'api::article.article'>({ title: 'Public title', body: 'x', topics: [grief!.documentId] }), status: 'published' });
  publishedWithSecretEdit = published.documentId;
  await articles().update({ documentId: published.documentId, data: { title: 'Secret edit' } });
  const comment = await postComment(app, { article: published.documentId, authorName: 'Ann', authorEmail: uniqueEmail(), body: 'Where is the group held?' }).expect(201);
  approvedCommentId = comment.body.data.documentId;
  await app.strapi.documents('api::comment.comment').update({ documentId: approvedCommentId, data: { moderationStatus: 'approved' } });
});
afterAll(async () => {
  await app?.stop();
});

describe('the public query allowlist', () => {
  it.each([
    ['/api/topics?filters[articles][body][$startsWith]=draft', 'filters[articles][body]'],
    ['/api/topics?filters[groupPrograms][facilitator][name][$eq]=x', 'filters[groupPrograms][facilitator]'],
    ['/api/articles?filters[topics][articles][title][$contains]=Secret', 'filters[topics][articles]'],
    ['/api/comments?filters[article][title][$contains]=Secret', 'filters[article][title]'],
    ['/api/comments?filters[parent][body][$startsWith]=x', 'filters[parent]'],
    ['/api/comments?filters[moderationStatus][$eq]=rejected', 'filters[moderationStatus]'],
    ['/api/articles?filters[title][$regex]=x', 'filters[title][$regex]'],
    ['/api/articles?sort=body:asc', 'sort'],
    ['/api/articles?fields[0]=comments', 'fields'],
    ['/api/articles?populate=*', 'populate'],
    ['/api/articles?populate[comments]=true', 'populate[comments]'],
    ['/api/group-programs?populate[topics][populate][articles]=true', 'populate[topics][populate]'],
    ['/api/articles?status=all', 'status'],
    ['/api/articles?pagination[pageSize]=x', 'pagination[pageSize]'],
    ['/api/articles?foo=bar', 'foo'],
    [`/api/articles/${SEED_ARTICLE.slug}?filters[title][$eq]=x`, 'filters'],
    // Strapi's router ignores case, so the allowlist does too.
    ['/API/COMMENTS?filters[article][title][$contains]=Secret', 'filters[article][title]'],
    ['/Api/Topics?filters[articles][body][$startsWith]=draft', 'filters[articles][body]'],
  ])('GET %s is a 400 naming %s', async (url, parameter) => {
    const res = await get(url).expect(400);
    expect(res.body.error.details.errors[0].path).toEqual([parameter]);
  });

  it('allows what websites need', async () => {
    await get('/api/articles?filters[topics][slug][$eq]=grief&sort=publishedAt:desc&fields[0]=title&fields[1]=slug&pagination[pageSize]=5').expect(200);
    await get('/api/group-programs?filters[kind][$eq]=group-therapy&populate[topics][fields][0]=name').expect(200);
    await get('/api/topics?filters[$or][0][slug][$eq]=grief&filters[$or][1][name][$containsi]=anx').expect(200);
    await get(`/api/comments?filters[article][slug][$eq]=${SEED_ARTICLE.slug}&sort=createdAt:desc`).expect(200);
  });

  it('relation filters never match a draft: a probe on a draft-only title answers like one on nothing', async () => {
    const probe = async (title: string) => (await get(`/api/topics?filters[articles][title][$startsWith]=${encodeURIComponent(title)}`).expect(200)).body;
    expect(await probe('Zebra draft')).toEqual(await probe('Nothing like this'));
    expect((await probe('Zebra draft')).data).toEqual([]);
    expect((await probe('Public title')).data.map((topic: { slug: string }) => topic.slug)).toEqual(['grief']);
  });

  it('relation filters never match an unpublished edit', async () => {
    const res = await get(`/api/topics?filters[articles][title][$eq]=${encodeURIComponent('Secret edit')}`).expect(200);
    expect(res.body.data).toEqual([]);
  });

  it('one comment shows its article as published, never the unpublished edit', async () => {
    const res = await get(`/api/comments/${approvedCommentId}`).expect(200);
    expect(JSON.stringify(res.body)).not.toContain('Secret edit');
    expect(res.body.data.article.title).toBe('Public title');
    const list = await get(`/api/comments?filters[article][documentId][$eq]=${publishedWithSecretEdit}`).expect(200);
    expect(JSON.stringify(list.body)).not.toContain('Secret edit');
  });
});

describe('hostile input', () => {
  const valid = () => ({ article: SEED_ARTICLE.slug, authorName: 'Sam', authorEmail: uniqueEmail(), body: 'How do I join?' });

  it.each([
    ['article as an object', { article: { documentId: 'x' } }, 'article'],
    ['parent as an object', { parent: { id: 1 } }, 'parent'],
    ['body as an array', { body: ['a', 'b'] }, 'body'],
    ['body as an operator', { body: { $gt: '' } }, 'body'],
    ['authorName as a number', { authorName: 42 }, 'authorName'],
  ])('%s is a 400 naming the field, nothing stored', async (_name, override, field) => {
    const before = await app.strapi.db.query('api::comment.comment').count();
    const res = await postComment(app, { ...valid(), ...override }).expect(400);
    expect(res.body.error.details.errors.map((error: { path: string[] }) => error.path[0])).toContain(field);
    expect(await app.strapi.db.query('api::comment.comment').count()).toBe(before);
  });

  it('a multipart post to /api/comments is a 415 and leaves nothing in the temp folder', async () => {
    const tmp = os.tmpdir();
    const before = new Set(fs.readdirSync(tmp));
    const res = await app
      .http()
      .post('/api/comments')
      .field('data', JSON.stringify(valid()))
      .attach('files', Buffer.alloc(3 * 1024 * 1024, 'a'), 'big.bin');
    expect(res.status).toBe(415);
    const added = fs.readdirSync(tmp).filter((name) => !before.has(name) && fs.statSync(path.join(tmp, name)).size > 1024 * 1024);
    expect(added).toEqual([]);
  });

  it('a form-encoded post is a 415 too, whatever the case of the path', async () => {
    await app.http().post('/api/comments').type('form').send('data[body]=x').expect(415);
    await app.http().post('/API/Comments').field('data', 'x').attach('other', Buffer.from('x'), 'x.txt').expect(415);
  });

  it('names lose control, zero-width and bidi characters', async () => {
    const res = await postComment(app, { ...valid(), authorName: 'Ev\u202eil\u200b Sam\u0007' }).expect(201);
    const stored = await app.strapi.db.query('api::comment.comment').findOne({ where: { documentId: res.body.data.documentId } });
    expect(stored.authorName).toBe('Evil Sam');
  });
});

describe('headers', () => {
  it('sends no X-Powered-By', async () => {
    const res = await get('/api/articles').expect(200);
    expect(res.headers['x-powered-by']).toBeUndefined();
  });

  it('gives listed origins credentials and foreign origins nothing, with Vary: Origin, cached answers included', async () => {
    for (const url of ['/api/articles', '/api/group-programs/upcoming', '/api/group-programs/upcoming', '/admin/renew-token']) {
      const foreign = await get(url).set('Origin', 'https://evil.example');
      expect(foreign.headers['access-control-allow-origin']).toBeUndefined();
      expect(foreign.headers['access-control-allow-credentials']).toBeUndefined();
      expect(foreign.headers.vary).toMatch(/Origin/);
      const site = await get(url).set('Origin', SITE);
      expect(site.headers['access-control-allow-origin']).toBe(SITE);
      expect(site.headers.vary).toMatch(/Origin/);
    }
  });
});
