import { seedDemoContent } from '../../src/seed/demo-content';
import { SEED_ARTICLE } from '../../src/seed/seed-article';
import { fullAccessApiToken, userJwt } from '../helpers/auth';
import { postComment, uniqueEmail } from '../helpers/comments';
import { startStrapi, type TestApp } from '../helpers/strapi';

/**
 * The response cache of public reads: a second read is served from memory (a change written past the Document
 * Service does not show, which proves it), every change through the Document Service shows in the next request,
 * conditional requests get a 304 whatever their Cache-Control, and requests with credentials are never cached.
 */
let app: TestApp;
const ARTICLE = 'api::article.article';
const WEBSITE = 'https://counseling.example';
const OTHER_WEBSITE = 'https://groups.counseling.example';
const articlePath = `/api/articles/${SEED_ARTICLE.slug}`;
const title = async () => (await app.http().get(articlePath).expect(200)).body.data.title as string;
const rawTitle = (value: string) => app.strapi.db.query(ARTICLE).updateMany({ where: { slug: SEED_ARTICLE.slug }, data: { title: value } });
const articleId = async () => (await app.strapi.documents(ARTICLE).findFirst({ filters: { slug: SEED_ARTICLE.slug } }))!.documentId;

beforeAll(async () => {
  app = await startStrapi({ IS_PROXIED: 'true', COMMENT_FLOOD_CONTROL: 'false', CORS_ORIGINS: `${WEBSITE},${OTHER_WEBSITE}` });
  await seedDemoContent(app.strapi);
});
afterAll(async () => {
  await app?.stop();
});

describe('the response cache', () => {
  it('answers a repeated read from memory, with the same headers and body', async () => {
    const first = await app.http().get(articlePath).expect(200);
    await rawTitle('Written past the Document Service');
    const second = await app.http().get(articlePath).expect(200);
    expect(second.body).toEqual(first.body);
    for (const header of ['content-type', 'etag', 'x-frame-options', 'content-security-policy', 'strict-transport-security', 'vary']) {
      expect(second.headers[header]).toBe(first.headers[header]);
    }
    expect(second.headers['x-powered-by']).toBeUndefined();
  });

  it('shows an edit and publish in the next request', async () => {
    await app.strapi.documents(ARTICLE).update({ documentId: await articleId(), data: { title: 'Support group or group therapy?' } });
    await app.strapi.documents(ARTICLE).publish({ documentId: await articleId() });
    expect(await title()).toBe('Support group or group therapy?');
    const list = await app.http().get('/api/articles').expect(200);
    expect(list.body.data.map((article: { title: string }) => article.title)).toContain('Support group or group therapy?');
  });

  it('answers 304 when If-None-Match matches, even with Cache-Control: no-cache (as Node’s fetch sends)', async () => {
    const { headers } = await app.http().get(articlePath).expect(200);
    const res = await app.http().get(articlePath).set('If-None-Match', headers.etag).set('Cache-Control', 'no-cache').expect(304);
    expect(res.text).toBe('');
    await app.http().get(articlePath).set('If-None-Match', '"something-else"').expect(200);
  });

  it('never serves or stores answers to requests with credentials', async () => {
    await title();
    await rawTitle('Seen only by the token');
    const token = await fullAccessApiToken(app.strapi);
    const withToken = await app.http().get(articlePath).set('Authorization', `Bearer ${token}`).expect(200);
    expect(withToken.body.data.title).toBe('Seen only by the token');
    expect(await title()).not.toBe('Seen only by the token');
  });

  it('never serves or stores an answer in another response format (Strapi-Response-Format: v4)', async () => {
    await title();
    const v4 = await app.http().get(articlePath).set('Strapi-Response-Format', 'v4').expect(200);
    expect(v4.body.data.attributes).toBeDefined();
    const v5 = await app.http().get(articlePath).expect(200);
    expect(v5.body.data.attributes).toBeUndefined();
    expect(v5.body.data.title).toBe(await title());
    // Asked first in v4 on a read not kept yet: the next reader still gets the v5 answer.
    const list = '/api/articles?pagination[pageSize]=7';
    expect((await app.http().get(list).set('Strapi-Response-Format', 'v4').expect(200)).body.data[0].attributes).toBeDefined();
    expect((await app.http().get(list).expect(200)).body.data[0].attributes).toBeUndefined();
  });

  it('shows an unpublished article as gone at once', async () => {
    await title();
    await app.strapi.documents(ARTICLE).unpublish({ documentId: await articleId() });
    await app.http().get(articlePath).expect(404);
    await app.strapi.documents(ARTICLE).publish({ documentId: await articleId() });
    await app.http().get(articlePath).expect(200);
  });

  it('shows a comment in the thread as soon as a moderator approves it', async () => {
    const thread = async () => (await app.http().get(`${articlePath}/comments`).expect(200)).body.data.map((comment: { documentId: string }) => comment.documentId);
    const documentId = (await postComment(app, { article: await articleId(), authorName: 'Noa', authorEmail: uniqueEmail('noa'), body: 'Is the Friday group still meeting?' }).expect(201)).body.data.documentId;
    expect(await thread()).not.toContain(documentId);
    const moderatorJwt = await userJwt(app, 'moderator');
    await app.http().post(`/api/comments/${documentId}/moderate`).set('Authorization', `Bearer ${moderatorJwt}`).send({ status: 'approved' }).expect(200);
    expect(await thread()).toContain(documentId);
    await app.http().post(`/api/comments/${documentId}/moderate`).set('Authorization', `Bearer ${moderatorJwt}`).send({ status: 'rejected' }).expect(200);
    expect(await thread()).not.toContain(documentId);
  });

  it('keeps one answer per listed origin, with its CORS header, and one for every origin that is not listed', async () => {
    const read = (origin: string) => app.http().get(articlePath).set('Origin', origin).expect(200);
    await rawTitle('Before');
    await app.strapi.documents(ARTICLE).publish({ documentId: await articleId() }); // clears the cache
    const listed = await read(WEBSITE);
    const strangerA = await read('https://a.stranger.example');
    await rawTitle('After');
    // Another stranger is served the first stranger's answer (a cache hit: the change past the Document Service does
    // not show), without CORS headers; the listed origins have their own answers with their own header.
    const strangerB = await read('https://b.stranger.example');
    expect(strangerB.body.data.title).toBe(strangerA.body.data.title);
    expect(strangerB.headers['access-control-allow-origin']).toBeUndefined();
    expect(listed.headers['access-control-allow-origin']).toBe(WEBSITE);
    expect((await read(WEBSITE)).body.data.title).toBe(listed.body.data.title);
    const other = await read(OTHER_WEBSITE);
    expect(other.headers['access-control-allow-origin']).toBe(OTHER_WEBSITE);
    expect(other.body.data.title).toBe('After');
  });

  it('keeps a bad query a 400 and never caches it', async () => {
    await app.http().get('/api/articles?filters[authorEmail][$eq]=x').expect(400);
    await app.http().get('/api/articles?filters[authorEmail][$eq]=x').expect(400);
  });

  it('answers a hit before Koa (no request context is made), with the same headers, codings and 304s', async () => {
    const koa = app.strapi.server.app as unknown as { createContext: (...args: unknown[]) => unknown };
    const contexts = jest.spyOn(koa, 'createContext');
    try {
      await app.strapi.documents(ARTICLE).publish({ documentId: await articleId() }); // clears the cache
      // (supertest asks for gzip unless told otherwise)
      const miss = await app.http().get(articlePath).set('Origin', WEBSITE).set('Accept-Encoding', 'identity').expect(200);
      expect(contexts).toHaveBeenCalledTimes(1);
      const hit = await app.http().get(articlePath).set('Origin', WEBSITE).set('Accept-Encoding', 'identity').expect(200);
      expect(contexts).toHaveBeenCalledTimes(1);
      expect(hit.body).toEqual(miss.body);
      for (const header of ['content-type', 'etag', 'vary', 'access-control-allow-origin', 'content-security-policy', 'x-frame-options', 'cache-control']) {
        expect(hit.headers[header]).toBe(miss.headers[header]);
      }
      const names = (headers: Record<string, string>) => Object.keys(headers).filter((name) => name !== 'date').sort();
      expect(names(hit.headers)).toEqual(names(miss.headers));
      expect(Number(hit.headers['content-length'])).toBe(Buffer.byteLength(hit.text));
      // Another listed origin is another answer, with its own CORS header (a miss, then a hit before Koa).
      for (const expected of [2, 2]) {
        const other = await app.http().get(articlePath).set('Origin', OTHER_WEBSITE).set('Accept-Encoding', 'identity').expect(200);
        expect(other.headers['access-control-allow-origin']).toBe(OTHER_WEBSITE);
        expect(contexts).toHaveBeenCalledTimes(expected);
      }
      // The first brotli request compresses through Koa; the next is the kept variant, before Koa.
      const br = () => app.http().get(articlePath).set('Origin', WEBSITE).set('Accept-Encoding', 'br');
      const compressed = await br().expect(200);
      expect(contexts).toHaveBeenCalledTimes(3);
      const kept = await br().expect(200);
      expect(contexts).toHaveBeenCalledTimes(3);
      expect(kept.headers['content-encoding']).toBe('br');
      // supertest decodes it: the same text, from fewer bytes than the identity answer's.
      expect(kept.text).toBe(miss.text);
      expect(kept.headers['content-length']).toBe(compressed.headers['content-length']);
      expect(Number(kept.headers['content-length'])).toBeLessThan(Buffer.byteLength(miss.text) / 3);
      // A 304 without a body or its type, a HEAD with its length and no body.
      const notModified = await app.http().get(articlePath).set('Origin', WEBSITE).set('If-None-Match', miss.headers.etag).expect(304);
      expect(notModified.headers['content-type']).toBeUndefined();
      expect(notModified.headers.etag).toBe(miss.headers.etag);
      const head = await app.http().head(articlePath).set('Origin', WEBSITE).set('Accept-Encoding', 'identity').expect(200);
      expect(head.headers['content-length']).toBe(String(Buffer.byteLength(miss.text)));
      expect(head.text ?? '').toBe('');
      expect(contexts).toHaveBeenCalledTimes(3);
      // Credentials, drafts and misses still go through Koa.
      const token = await fullAccessApiToken(app.strapi);
      await app.http().get(articlePath).set('Authorization', `Bearer ${token}`).expect(200);
      await app.http().get(`${articlePath}?status=draft`).expect(200);
      expect(contexts).toHaveBeenCalledTimes(5);
    } finally {
      contexts.mockRestore();
    }
  });
});
