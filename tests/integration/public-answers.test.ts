import fs from 'fs';
import http from 'http';
import type { AddressInfo } from 'net';
import os from 'os';
import path from 'path';
import { seedDemoContent } from '../../src/seed/demo-content';
import { SEED_ARTICLE } from '../../src/seed/seed-article';
import { PUBLIC_ROUTES } from '../../src/utils/public-query/allowlist';
import { adminUserToken, fullAccessApiToken } from '../helpers/auth';
import { postComment, uniqueEmail } from '../helpers/comments';
import { startStrapi, type TestApp } from '../helpers/strapi';

/**
 * What public answers show and what anonymous clients may send: no numeric database id anywhere in the JSON of a
 * public route (documents, relations, components, media), and no upload body read before its credentials pass.
 */
let app: TestApp;
let approvedComment: string;
const PROGRAM = 'api::group-program.group-program';
const ARTICLE = 'api::article.article';

beforeAll(async () => {
  app = await startStrapi({ IS_PROXIED: 'true', COMMENT_FLOOD_CONTROL: 'false', RESPONSE_CACHE: 'false' });
  await seedDemoContent(app.strapi);
  // Media on the article and a program, so their answers carry a file (and its formats) too.
  const file = await app.strapi.db.query('plugin::upload.file').create({
    data: { name: 'circle.jpg', hash: 'circle', ext: '.jpg', mime: 'image/jpeg', size: 12.5, url: '/uploads/circle.jpg', provider: 'local', width: 1600, height: 900, formats: { thumbnail: { url: '/uploads/thumbnail_circle.jpg', width: 245, height: 138 } } },
  });
  const article = await app.strapi.documents(ARTICLE).findFirst({ filters: { slug: SEED_ARTICLE.slug } });
  await app.strapi.documents(ARTICLE).update({ documentId: article!.documentId, data: { cover: file.id } as never });
  await app.strapi.documents(ARTICLE).publish({ documentId: article!.documentId });
  const program = await app.strapi.documents(PROGRAM).findFirst({ filters: { slug: 'grief-support-group' } });
  await app.strapi.documents(PROGRAM).update({ documentId: program!.documentId, data: { image: file.id } as never });
  await app.strapi.documents(PROGRAM).publish({ documentId: program!.documentId });
  // An approved comment with an approved reply: the thread nests them.
  const comment = await postComment(app, { article: SEED_ARTICLE.slug, authorName: 'Ann', authorEmail: uniqueEmail(), body: 'Which evening does the grief group meet?' }).expect(201);
  approvedComment = comment.body.data.documentId;
  const approve = (documentId: string) => app.strapi.documents('api::comment.comment').update({ documentId, data: { moderationStatus: 'approved' } });
  await approve(approvedComment);
  const reply = await postComment(app, { article: SEED_ARTICLE.slug, parent: approvedComment, authorName: 'Bo', authorEmail: uniqueEmail(), body: 'I think it is on Tuesdays.' }).expect(201);
  await approve(reply.body.data.documentId);
});
afterAll(async () => {
  await app?.stop();
});

/** Every path in `value` that ends in an `id` key. */
const idKeys = (value: unknown, at = ''): string[] => {
  if (Array.isArray(value)) return value.flatMap((item, index) => idKeys(item, `${at}[${index}]`));
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, item]) => [...(key === 'id' ? [`${at}.id`] : []), ...idKeys(item, `${at}.${key}`)]);
};

describe('public answers', () => {
  it('carry no numeric database id, at any level, on any public route', async () => {
    const urls = [
      '/api/articles',
      `/api/articles/${SEED_ARTICLE.slug}`,
      `/api/articles?populate[topics]=true&populate[cover]=true&populate[seo]=true&populate[relatedPrograms]=true`,
      `/api/articles/${SEED_ARTICLE.slug}?populate=topics,cover,seo,relatedPrograms`,
      '/api/group-programs',
      '/api/group-programs/grief-support-group',
      '/api/group-programs?populate[topics]=true&populate[articles]=true&populate[facilitator]=true&populate[schedule][populate][skippedDates]=true',
      '/api/group-programs/grief-support-group?populate=topics,articles,facilitator,schedule',
      '/api/topics',
      '/api/topics/grief',
      '/api/topics?populate=articles,groupPrograms',
      '/api/topics/grief?populate=articles,groupPrograms',
      '/api/comments',
      `/api/comments?filters[article][slug][$eq]=${SEED_ARTICLE.slug}`,
      `/api/comments/${approvedComment}`,
      `/api/articles/${SEED_ARTICLE.slug}/comments`,
      '/api/group-programs/upcoming',
      '/api/group-programs/upcoming?pageSize=100&from=2026-01-01&to=2026-12-31',
    ];
    for (const route of PUBLIC_ROUTES) expect(urls.some((url) => route.pattern.test(url.split('?')[0]))).toBe(true);
    for (const url of urls) {
      const res = await app.http().get(url);
      expect({ url, status: res.status }).toEqual({ url, status: 200 });
      expect(JSON.stringify(res.body)).toContain('documentId');
      expect({ url, ids: idKeys(res.body) }).toEqual({ url, ids: [] });
    }
  });

  it('still name every document, relation and media file, by documentId or URL', async () => {
    const article = (await app.http().get(`/api/articles/${SEED_ARTICLE.slug}`).expect(200)).body.data;
    expect(article.cover).toMatchObject({ url: '/uploads/circle.jpg', formats: { thumbnail: { url: '/uploads/thumbnail_circle.jpg' } } });
    expect(article.topics.every((topic: { documentId?: string }) => typeof topic.documentId === 'string')).toBe(true);
    expect(article.seo).toHaveProperty('metaTitle');
    const thread = (await app.http().get(`/api/articles/${SEED_ARTICLE.slug}/comments`).expect(200)).body.data;
    expect(thread[0]).toMatchObject({ documentId: approvedComment, replies: [{ body: 'I think it is on Tuesdays.' }] });
  });

  it('from a comment post, name the comment by documentId alone', async () => {
    const res = await postComment(app, { article: SEED_ARTICLE.slug, authorName: 'Cy', authorEmail: uniqueEmail(), body: 'Is there parking?' }).expect(201);
    expect(idKeys(res.body)).toEqual([]);
  });
});

describe('uploads', () => {
  let server: http.Server;
  let port: number;
  beforeAll(async () => {
    server = app.strapi.server.httpServer;
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });

  const TOTAL = 50 * 1024 * 1024;
  /**
   * A 50 MB multipart upload of which only the first 64 KB are ever sent: a server that reads the body before
   * deciding can never answer it; one that refuses first answers at once.
   */
  const partialUpload = (uploadPath: string, headers: Record<string, string> = {}) =>
    new Promise<{ status?: number; headers: http.IncomingHttpHeaders; body: string; sent: number }>((resolve, reject) => {
      const request = http.request({ host: '127.0.0.1', port, method: 'POST', path: uploadPath, headers: { 'content-type': 'multipart/form-data; boundary=x', 'content-length': String(TOTAL), ...headers } });
      let sent = 0;
      let answered = false;
      request.on('response', (response) => {
        answered = true;
        let body = '';
        response.setEncoding('utf8');
        response.on('data', (chunk) => (body += chunk));
        response.on('end', () => {
          request.destroy();
          resolve({ status: response.statusCode, headers: response.headers, body, sent });
        });
      });
      // The server closes the connection on the rest of the body: only an error before any answer is one.
      request.on('error', (error) => !answered && reject(error));
      const head = Buffer.from('--x\r\nContent-Disposition: form-data; name="files"; filename="big.bin"\r\nContent-Type: application/octet-stream\r\n\r\n');
      const chunk = Buffer.alloc(64 * 1024, 'a');
      request.write(head);
      request.write(chunk);
      sent = head.length + chunk.length;
    });

  const bigTempFiles = () => new Set(fs.readdirSync(os.tmpdir()).filter((name) => fs.statSync(path.join(os.tmpdir(), name)).size > 32 * 1024));

  it.each([
    ['anonymous, to /api/upload', '/api/upload', {}, 403],
    ['with a forged token, to /api/upload', '/api/upload', { authorization: 'Bearer forged-token' }, 401],
    ['anonymous, to the admin panel’s /upload', '/upload', {}, 401],
    ['anonymous, to another admin route', '/schedule-panel/preview', {}, 401],
  ] as Array<[string, string, Record<string, string>, number]>)('a large multipart upload %s is refused before its body is read', async (_name, uploadPath, headers, status) => {
    const before = bigTempFiles();
    const answer = await partialUpload(uploadPath, headers);
    expect(answer.status).toBe(status);
    expect(answer.headers.connection).toBe('close');
    expect(answer.sent).toBeLessThan(TOTAL / 100);
    expect(JSON.parse(answer.body).error.status).toBe(status);
    expect([...bigTempFiles()].filter((name) => !before.has(name))).toEqual([]);
  });

  it('a token without the upload permission is refused before the body too (an editor’s admin login is not an API token)', async () => {
    const editor = await adminUserToken(app, 'strapi-editor', 'upload.editor@practice.example', 'Editor-pass-123');
    const answer = await partialUpload('/api/upload', { authorization: `Bearer ${editor}` });
    expect(answer.status).toBe(401);
  });

  it('lets a client with the upload permission upload', async () => {
    const token = await fullAccessApiToken(app.strapi);
    const res = await app.http().post('/api/upload').set('Authorization', `Bearer ${token}`).attach('files', Buffer.from('hello'), 'hello.txt').expect(201);
    expect(res.body[0]).toMatchObject({ name: 'hello.txt', mime: 'text/plain' });
    await app.strapi.plugin('upload').service('upload').remove(await app.strapi.db.query('plugin::upload.file').findOne({ where: { name: 'hello.txt' } }));
  });
});
