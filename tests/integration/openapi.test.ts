import fs from 'fs';
import path from 'path';
import SwaggerParser from '@apidevtools/swagger-parser';
// ajv's documented entry point for JSON Schema 2020-12, the dialect of OpenAPI 3.1.
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import type { Response } from 'supertest';
import { buildOpenApiDocument, type OpenApiDocument } from '../../src/openapi';
import { seedDemoContent } from '../../src/seed/demo-content';
import { SEED_ARTICLE } from '../../src/seed/seed-article';
import { postComment, uniqueEmail } from '../helpers/comments';
import { startSmtpCapture } from '../helpers/smtp';
import { startStrapi, type TestApp } from '../helpers/strapi';

/**
 * The committed OpenAPI document (openapi.json, `npm run openapi`) is valid OpenAPI 3.1, current, served at
 * /api/openapi.json, and every operation in it answers one real request with a status it declares and a body in
 * the declared schema.
 */
const committed = JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../openapi.json'), 'utf8')) as OpenApiDocument;
let app: TestApp;
let smtp: Awaited<ReturnType<typeof startSmtpCapture>>;
let moderatorJwt: string;
const moderator = { username: `openapi.moderator.${Date.now()}`, password: 'Moderator-pass-123' };

beforeAll(async () => {
  smtp = await startSmtpCapture();
  app = await startStrapi({ ...smtp.env, IS_PROXIED: 'true', COMMENT_FLOOD_CONTROL: 'false', PUBLIC_URL: 'http://cms.test' });
  await seedDemoContent(app.strapi);
  const role = await app.strapi.db.query('plugin::users-permissions.role').findOne({ where: { type: 'moderator' } });
  const user = await app.strapi.plugin('users-permissions').service('user').add({
    username: moderator.username,
    email: `${moderator.username}@example.com`,
    password: moderator.password,
    provider: 'local',
    confirmed: true,
    blocked: false,
    role: role.id,
  });
  moderatorJwt = app.strapi.plugin('users-permissions').service('jwt').issue({ id: user.id }) as string;
  // A boot on a fresh database trains the learned models: over a minute on a loaded 2-core CI machine.
}, 180_000);
afterAll(async () => {
  await app?.stop();
  await smtp?.stop();
});

/** The token of the latest link to `path` emailed to `email`. */
const emailedToken = async (email: string, path: string) => {
  const pattern = new RegExp(`http://cms\\.test${path.replace(/\//g, '\\/')}\\?token=[A-Za-z0-9._%-]+`);
  const mail = await smtp.waitFor((message) => message.to.includes(email) && pattern.test(message.text));
  return new URL(pattern.exec(mail!.text)![0]).searchParams.get('token')!;
};

/** A reader's first comment and the confirmation token emailed to them. */
const confirmationToken = async (email = uniqueEmail('openapi')) => {
  await postComment(app, { article: SEED_ARTICLE.slug, authorName: 'Robin', authorEmail: email, body: 'Is the Thursday group still open?' }).expect(201);
  return emailedToken(email, '/api/commenters/confirm');
};

/** A reader who confirmed their address, and the commenter token the website keeps. */
const verifiedReader = async (name: string) => {
  const email = uniqueEmail(name);
  const confirmed = await http().post('/api/commenters/confirm').send({ token: await confirmationToken(email) }).expect(200);
  return { email, commenterToken: confirmed.body.data.commenterToken as string };
};

/** Readers' data requests, each from its own address and connection (READER_DATA_REQUESTS_PER_HOUR counts both). */
let readerIps = 0;
const dataRequest = (kind: 'export' | 'erase', commenterToken: string) =>
  http().post(`/api/commenters/${kind}`).set('X-Forwarded-For', `198.51.100.${(readerIps += 1)}`).send({ commenterToken });

/** The unsubscribe token emailed to a reader who asked to hear about replies, once a reply is approved. */
const unsubscribeToken = async () => {
  const { email, commenterToken } = await verifiedReader('subscriber');
  const asked = await postComment(app, { article: SEED_ARTICLE.slug, authorName: 'Robin', authorEmail: email, body: 'Tell me when someone answers, please.', commenterToken, notifyReplies: true }).expect(201);
  const approve = (documentId: string) => app.strapi.documents('api::comment.comment').update({ documentId, data: { moderationStatus: 'approved' } });
  await approve(asked.body.data.documentId);
  const reply = await postComment(app, { article: SEED_ARTICLE.slug, authorName: 'Kim', authorEmail: uniqueEmail('replier'), body: 'The Thursday group is lovely.', parent: asked.body.data.documentId }).expect(201);
  await approve(reply.body.data.documentId);
  return emailedToken(email, '/api/commenters/unsubscribe');
};

/** One real request per operation, in an order where each finds what it needs (the moderated comment is then public). */
const state: { commentId?: string; email?: string; commenterToken?: string; unsubscribeToken?: string; eraseToken?: string } = {};
const http = () => app.http();
const REQUESTS: Record<string, () => Promise<Response>> = {
  getHealth: () => http().get('/_health'),
  getReady: () => http().get('/_ready'),
  getApiOpenapiJson: () => http().get('/api/openapi.json'),
  getApiSitemapXml: () => http().get('/api/sitemap.xml').buffer(true),
  getApiArticles: () => http().get('/api/articles?sort=title&pagination[pageSize]=5'),
  getApiArticlesId: () => http().get(`/api/articles/${SEED_ARTICLE.slug}`),
  getApiGroupPrograms: () => http().get('/api/group-programs?filters[kind][$eq]=support-group'),
  getApiGroupProgramsId: () => http().get('/api/group-programs/grief-support-group'),
  getApiGroupProgramsUpcoming: () => http().get('/api/group-programs/upcoming?pageSize=2'),
  getApiGroupProgramsUpcomingIcs: () => http().get('/api/group-programs/upcoming.ics').buffer(true),
  getApiGroupProgramsSlugCalendarIcs: () => http().get('/api/group-programs/grief-support-group/calendar.ics').buffer(true),
  // "Ask about this group", with crisis language so the answer carries the `support` object too.
  postApiGroupProgramsSlugInquiries: () =>
    http()
      .post('/api/group-programs/grief-support-group/inquiries')
      .send({ data: { name: 'Sam', email: uniqueEmail('asker'), preferredContact: 'email', message: 'honestly i dont see the point anymore', consent: true } }),
  getApiTopics: () => http().get('/api/topics'),
  getApiTopicsId: () => http().get('/api/topics/grief'),
  postApiComments: async () => {
    const res = await postComment(app, { article: SEED_ARTICLE.slug, authorName: 'Sam', authorEmail: uniqueEmail('sam'), body: 'How do I join the grief group on Thursdays?' });
    state.commentId = res.body.data?.documentId;
    return res;
  },
  getApiCommentsModerationQueue: () => http().get('/api/comments/moderation-queue?status=pending').set('Authorization', `Bearer ${moderatorJwt}`),
  postApiCommentsIdModerate: () => http().post(`/api/comments/${state.commentId}/moderate`).set('Authorization', `Bearer ${moderatorJwt}`).send({ status: 'approved', note: 'a question' }),
  getApiComments: () => http().get(`/api/comments?filters[article][slug][$eq]=${SEED_ARTICLE.slug}`),
  getApiCommentsId: () => http().get(`/api/comments/${state.commentId}`),
  getApiArticlesIdComments: () => http().get(`/api/articles/${SEED_ARTICLE.slug}/comments?page=1&pageSize=10`),
  getApiCommentersConfirm: async () => {
    const res = await http().get(`/api/commenters/confirm?token=${encodeURIComponent(await confirmationToken())}`);
    state.email = res.body.data?.email;
    state.commenterToken = res.body.data?.commenterToken;
    return res;
  },
  postApiCommentersConfirm: async () => http().post('/api/commenters/confirm').send({ token: await confirmationToken() }),
  // A crisis report (the answer carries the crisis resources too) by the confirmed reader, so their export holds it.
  postApiCommentsIdReport: () =>
    http().post(`/api/comments/${state.commentId}/report`).send({ reason: 'crisis', text: 'They sound very low tonight.', commenterToken: state.commenterToken }),
  // The confirmed reader asks for their data (before they revoke their token below) and downloads it twice.
  postApiCommentersExport: () => dataRequest('export', state.commenterToken!),
  getApiCommentersExportDownload: async () => http().get(`/api/commenters/export/download?token=${encodeURIComponent(await emailedToken(state.email!, '/api/commenters/export/download'))}`),
  postApiCommentersExportDownload: async () => http().post('/api/commenters/export/download').send({ token: await emailedToken(state.email!, '/api/commenters/export/download') }),
  // Erasures by readers of their own, so the reader above keeps their comments and token.
  postApiCommentersErase: async () => {
    const reader = await verifiedReader('leaver');
    const res = await dataRequest('erase', reader.commenterToken);
    if (res.status === 202) state.eraseToken = await emailedToken(reader.email, '/api/commenters/erase/confirm');
    return res;
  },
  getApiCommentersEraseConfirm: () => http().get(`/api/commenters/erase/confirm?token=${encodeURIComponent(state.eraseToken ?? '')}`),
  postApiCommentersEraseConfirm: async () => {
    const reader = await verifiedReader('leaver');
    await dataRequest('erase', reader.commenterToken).expect(202);
    return http().post('/api/commenters/erase/confirm').send({ token: await emailedToken(reader.email, '/api/commenters/erase/confirm') });
  },
  getApiCommentersUnsubscribe: async () => {
    state.unsubscribeToken = await unsubscribeToken();
    return http().get(`/api/commenters/unsubscribe?token=${encodeURIComponent(state.unsubscribeToken)}`);
  },
  // The same link again, from a page: answered the same.
  postApiCommentersUnsubscribe: () => http().post('/api/commenters/unsubscribe').send({ token: state.unsubscribeToken }),
  postApiCommentersRevoke: () => http().post('/api/commenters/revoke').send({ commenterToken: state.commenterToken }),
  postApiAuthLocal: () => http().post('/api/auth/local').send({ identifier: moderator.username, password: moderator.password }),
  postApiAuthForgotPassword: () => http().post('/api/auth/forgot-password').send({ email: `${moderator.username}@example.com` }),
  postApiAuthResetPassword: () => http().post('/api/auth/reset-password').send({ code: 'not-a-code', password: 'New-pass-12345', passwordConfirmation: 'New-pass-12345' }),
  postApiAuthRefresh: () => http().post('/api/auth/refresh').send({ refreshToken: 'not-a-token' }),
  getApiAuthProviderCallback: () => http().get('/api/auth/github/callback?access_token=x'),
};

type DeclaredResponse = { $ref?: string; content?: Record<string, { schema: Record<string, unknown> }> };
const operations = () =>
  Object.entries(committed.paths).flatMap(([route, methods]) => Object.entries(methods).map(([method, operation]) => ({ route, method, operation })));

const resolve = (response: DeclaredResponse): DeclaredResponse =>
  response.$ref ? (committed.components.responses as Record<string, DeclaredResponse>)[response.$ref.split('/').pop()!] : response;

const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats(ajv);

it('is valid OpenAPI 3.1', async () => {
  await expect(SwaggerParser.validate(structuredClone(committed) as never)).resolves.toBeDefined();
  expect(committed.openapi).toBe('3.1.0');
});

it('is current: the routes, permissions and schemas of this code give the committed file (else run npm run openapi)', () => {
  expect(JSON.parse(JSON.stringify(buildOpenApiDocument(app.strapi)))).toEqual(committed);
});

it('is served at /api/openapi.json without credentials', async () => {
  const res = await http().get('/api/openapi.json').expect(200);
  expect(res.body).toEqual(committed);
});

it('has one real request in this test for every operation it documents', () => {
  expect(operations().map(({ operation }) => operation.operationId).sort()).toEqual(Object.keys(REQUESTS).sort());
});

it('would catch an answer in the wrong shape (the check is not vacuous)', () => {
  const schema = committed.paths['/api/articles'].get.responses['200'] as DeclaredResponse;
  const validate = ajv.compile({ $id: 'https://openapi.test/sanity', ...schema.content!['application/json'].schema, components: committed.components });
  expect(validate({ data: [{ id: 1, documentId: 'a', title: 'Title', slug: 's', body: 'b', commentsEnabled: true }], meta: { pagination: { page: 1, pageSize: 25, pageCount: 1, total: 1 } } })).toBe(true);
  expect(validate({ data: [{ id: 1, documentId: 'a', title: 7 }], meta: { pagination: { page: 1, pageSize: 25, pageCount: 1, total: 1 } } })).toBe(false);
  expect(validate({ data: [] })).toBe(false);
});

describe('every public route answers as documented', () => {
  const byId = new Map(operations().map((entry) => [entry.operation.operationId, entry]));
  it.each(Object.keys(REQUESTS))('%s', async (operationId) => {
    const { operation } = byId.get(operationId)!;
    const res = await REQUESTS[operationId]();
    const declared = (operation.responses as Record<string, DeclaredResponse>)[String(res.status)];
    expect({ operationId, status: res.status, declared: Boolean(declared), body: declared ? undefined : res.body }).toEqual({ operationId, status: res.status, declared: true, body: undefined });
    const { content } = resolve(declared);
    if (!content) return;
    const mediaType = String(res.headers['content-type']).split(';')[0];
    expect(Object.keys(content)).toContain(mediaType);
    const schema = declared.$ref ? { $ref: '#/components/schemas/Error' } : content[mediaType].schema;
    const validate = ajv.compile({ $id: `https://openapi.test/${operationId}/${res.status}`, ...schema, components: committed.components });
    const body = mediaType === 'application/json' ? res.body : res.text;
    expect({ operationId, errors: validate(body) ? [] : validate.errors }).toEqual({ operationId, errors: [] });
  });
});
