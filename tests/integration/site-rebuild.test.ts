import { adminUserToken } from '../helpers/auth';
import { createArticle, createProgram } from '../helpers/content';
import { startHookReceiver } from '../helpers/hook-receiver';
import { startStrapi, type TestApp } from '../helpers/strapi';
import { postComment, uniqueEmail } from '../helpers/comments';
import { verify } from '../../src/site-rebuild/signature';
import { partialInput } from '../helpers/content';

/**
 * Rebuild hooks against a local receiver: published changes to articles, programs and topics call it, once per
 * burst, signed; drafts and comments never do. Each test ends its burst with a marker change and waits for that
 * call, so "no call" is shown without waiting on the clock.
 */
const SECRET = 'test-rebuild-secret';
let app: TestApp;
let receiver: Awaited<ReturnType<typeof startHookReceiver>>;

type Payload = { event: string; createdAt: string; changes: Array<{ uid: string; action: string; documentId: string }> };
const payload = (index: number) => JSON.parse(receiver.calls[index].body) as Payload;
const topics = () => app.strapi.documents('api::topic.topic');
const articles = () => app.strapi.documents('api::article.article');
let markers = 0;
const marker = () => topics().create({ data: partialInput<'api::topic.topic'>({ name: `Marker ${(markers += 1)}` }) });

beforeAll(async () => {
  receiver = await startHookReceiver();
  app = await startStrapi({
    SITE_REBUILD_URLS: receiver.url,
    SITE_REBUILD_SECRET: SECRET,
    SITE_REBUILD_DEBOUNCE_SECONDS: '1.5', // a burst takes well under this, even on a busy machine
    SITE_REBUILD_RETRIES: '3',
    SITE_REBUILD_RETRY_BASE_SECONDS: '0.05',
    IS_PROXIED: 'true',
  });
});
afterAll(async () => {
  await app?.stop();
  await receiver?.close();
});

it('calls the hook once for a burst of published changes, signed with HMAC-SHA256 over the body', async () => {
  const article = await createArticle(app, 'Rebuild burst article');
  await articles().update({ documentId: article.documentId, data: { excerpt: 'Changed while published' }, status: 'published' });
  const program = await createProgram(app, 'Rebuild burst program');
  const topic = await topics().create({ data: partialInput<'api::topic.topic'>({ name: 'Rebuild burst topic' }) });

  const [call] = await receiver.waitForCalls(1);
  expect(call.headers['content-type']).toBe('application/json');
  expect(verify(call.body, SECRET, call.headers['x-signature-256'] as string)).toBe(true);
  expect(verify(call.body, 'another-secret', call.headers['x-signature-256'] as string)).toBe(false);
  expect(payload(0).event).toBe('site.rebuild');
  expect(payload(0).changes).toEqual([
    { uid: 'api::article.article', action: 'create', documentId: article.documentId },
    { uid: 'api::article.article', action: 'update', documentId: article.documentId },
    { uid: 'api::group-program.group-program', action: 'create', documentId: program.documentId },
    { uid: 'api::topic.topic', action: 'create', documentId: topic.documentId },
  ]);
});

it('is not called for drafts or comments', async () => {
  const before = receiver.calls.length;
  const draft = await createArticle(app, 'A draft nobody sees', { draft: true });
  await articles().update({ documentId: draft.documentId, data: { excerpt: 'still a draft' } });
  await createProgram(app, 'A draft program', { draft: true });
  const published = await createArticle(app, 'Article readers comment on');
  await receiver.waitForCalls(before + 1);
  expect(payload(before).changes).toEqual([{ uid: 'api::article.article', action: 'create', documentId: published.documentId }]);
  const comment = await postComment(app, { article: published.documentId, authorName: 'Sam', authorEmail: uniqueEmail(), body: 'When does the group meet?' });
  expect(comment.status).toBe(201);
  await articles().delete({ documentId: draft.documentId }); // never published: the site does not change

  const mark = await marker();
  await receiver.waitForCalls(before + 2);
  expect(payload(before + 1).changes).toEqual([{ uid: 'api::topic.topic', action: 'create', documentId: mark.documentId }]);
});

it('is called when an article is unpublished, a published one is edited and published, or deleted', async () => {
  const article = await createArticle(app, 'Soon unpublished');
  const other = await createArticle(app, 'Soon deleted');
  const start = receiver.calls.length;
  await receiver.waitForCalls(start + 1);

  await articles().unpublish({ documentId: article.documentId });
  await articles().update({ documentId: other.documentId, data: { excerpt: 'draft edit' } }); // a draft edit alone: nothing
  await articles().publish({ documentId: other.documentId });
  await articles().delete({ documentId: other.documentId });
  await receiver.waitForCalls(start + 2);
  expect(payload(start + 1).changes).toEqual([
    { uid: 'api::article.article', action: 'unpublish', documentId: article.documentId },
    { uid: 'api::article.article', action: 'publish', documentId: other.documentId },
    { uid: 'api::article.article', action: 'delete', documentId: other.documentId },
  ]);
});

it('is called when a published translation is deleted, though its default-locale version is a draft', async () => {
  const english = await createArticle(app, 'Only a draft in English', { draft: true });
  const before = receiver.calls.length;
  await articles().update({ documentId: english.documentId, locale: 'es', data: { title: 'Publicado en español', body: 'Cuerpo.' } as never, status: 'published' });
  await receiver.waitForCalls(before + 1);
  const start = receiver.calls.length;
  await articles().delete({ documentId: english.documentId, locale: 'es' });
  await receiver.waitForCalls(start + 1);
  expect(payload(start).changes).toEqual([{ uid: 'api::article.article', action: 'delete', documentId: english.documentId }]);
});

it("is called when an editor publishes in the admin panel, not when they save a draft", async () => {
  const editor = await adminUserToken(app, 'strapi-editor', 'editor.rebuild@practice.example', 'Editor-pass-123');
  const start = receiver.calls.length;
  const created = await app
    .http()
    .post('/content-manager/collection-types/api::article.article')
    .set('Authorization', `Bearer ${editor}`)
    .send({ title: 'Written in the admin panel', body: 'Text.' })
    .expect(201);
  await app
    .http()
    .post(`/content-manager/collection-types/api::article.article/${created.body.data.documentId}/actions/publish`)
    .set('Authorization', `Bearer ${editor}`)
    .send({})
    .expect(200);
  await receiver.waitForCalls(start + 1);
  expect(payload(start).changes).toEqual([{ uid: 'api::article.article', action: 'publish', documentId: created.body.data.documentId }]);
});

it('retries a failing hook with backoff, sending the same signed body, and logs the outcome', async () => {
  const warn = jest.spyOn(app.strapi.log, 'warn');
  const info = jest.spyOn(app.strapi.log, 'info');
  const start = receiver.calls.length;
  receiver.answerNext(503, 500);
  const mark = await marker();
  const calls = await receiver.waitForCalls(start + 3);
  expect(calls.slice(start).map((call) => call.status)).toEqual([503, 500, 200]);
  expect(new Set(calls.slice(start).map((call) => call.body)).size).toBe(1);
  expect(payload(start).changes).toEqual([{ uid: 'api::topic.topic', action: 'create', documentId: mark.documentId }]);
  expect(verify(calls[start + 2].body, SECRET, calls[start + 2].headers['x-signature-256'] as string)).toBe(true);
  expect(warn.mock.calls.map(([message]) => String(message)).filter((message) => message.startsWith('Rebuild hook'))).toEqual([
    expect.stringMatching(/failed \(HTTP 503\), attempt 1; retrying in 50 ms/),
    expect.stringMatching(/failed \(HTTP 500\), attempt 2; retrying in 100 ms/),
  ]);
  while (!info.mock.calls.some(([message]) => /called for 1 change\(s\): HTTP 200 after 3 attempt/.test(String(message)))) {
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
});
