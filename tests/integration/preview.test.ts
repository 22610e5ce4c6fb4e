import { adminToken } from '../helpers/auth';
import { createArticle, createProgram } from '../helpers/content';
import { startStrapi, type TestApp } from '../helpers/strapi';
import { partialInput } from '../helpers/content';

/** The Content Manager asks `GET /content-manager/preview/url/:uid` for the URL its preview pane opens. */
let app: TestApp;
let token: string;

const previewFor = (uid: string, query: string) => app.http().get(`/content-manager/preview/url/${uid}?${query}`).set('Authorization', `Bearer ${token}`);

beforeAll(async () => {
  app = await startStrapi({
    PREVIEW_URL: 'https://www.example.org/api/preview?secret={secret}&url={url}&status={status}',
    PREVIEW_SECRET: 'preview-secret-for-tests',
    ARTICLE_URL_TEMPLATE: 'https://www.example.org/articles/{slug}',
    PROGRAM_URL_TEMPLATE: 'https://www.example.org/groups/{slug}',
  });
  token = await adminToken(app);
});
afterAll(async () => {
  await app?.stop();
});

it('opens a draft article through the website preview entry point, with the secret', async () => {
  const draft = await createArticle(app, 'Preview me first', { draft: true });
  const res = await previewFor('api::article.article', `documentId=${draft.documentId}&status=draft`);
  expect(res.status).toBe(200);
  expect(res.body.data.url).toBe(
    `https://www.example.org/api/preview?secret=preview-secret-for-tests&url=${encodeURIComponent('https://www.example.org/articles/preview-me-first')}&status=draft`
  );
});

it('opens the published program on its public page', async () => {
  const program = await createProgram(app, 'Preview Grief Group');
  const res = await previewFor('api::group-program.group-program', `documentId=${program.documentId}&status=published`);
  expect(res.body.data.url).toBe('https://www.example.org/groups/preview-grief-group');
});

it('has no preview for topics (204), and none for someone not signed in to the admin panel', async () => {
  const topic = await app.strapi.documents('api::topic.topic').create({ data: partialInput<'api::topic.topic'>({ name: 'No preview topic' }) });
  expect((await previewFor('api::topic.topic', `documentId=${topic.documentId}`)).status).toBe(204);
  const article = await createArticle(app, 'Not for the public', { draft: true });
  expect((await app.http().get(`/content-manager/preview/url/api::article.article?documentId=${article.documentId}`)).status).toBe(401);
});

it("lets the admin panel frame the website's origin (Content-Security-Policy frame-src)", async () => {
  const res = await app.http().get('/_health');
  expect(res.headers['content-security-policy']).toMatch(/frame-src[^;]*https:\/\/www\.example\.org/);
});
