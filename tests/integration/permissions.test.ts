import { ensurePublicPermissions } from '../../src/bootstrap/public-permissions';
import { seedDemoContent } from '../../src/seed/demo-content';
import { SEED_ARTICLE } from '../../src/seed/seed-article';
import { userJwt } from '../helpers/auth';
import { startStrapi, type TestApp } from '../helpers/strapi';

let app: TestApp;
let articleId: string;
let commentId: string;

beforeAll(async () => {
  app = await startStrapi();
  await seedDemoContent(app.strapi);
  articleId = (await app.strapi.documents('api::article.article').findFirst({ filters: { slug: SEED_ARTICLE.slug } }))!.documentId;
  commentId = (await app.strapi.documents('api::comment.comment').findFirst({}))!.documentId;
});
afterAll(async () => {
  await app?.stop();
});

describe('Public may', () => {
  it.each([
    '/api/articles',
    `/api/articles/${SEED_ARTICLE.slug}`,
    '/api/group-programs',
    '/api/group-programs/grief-support-group',
    '/api/topics',
    '/api/topics/grief',
  ])('read GET %s', async (path) => {
    await app.http().get(path).expect(200);
  });

  it('create a comment', async () => {
    const res = await app
      .http()
      .post('/api/comments')
      .send({ data: { article: articleId, authorName: 'Sam', authorEmail: 'sam@example.com', body: 'How do I join the grief group?' } });
    expect(res.status).toBe(201);
  });
});

describe('Public may not', () => {
  const writes: Array<[string, string]> = [
    ['post', '/api/articles'],
    ['put', '/api/articles/:article'],
    ['delete', '/api/articles/:article'],
    ['post', '/api/group-programs'],
    ['put', '/api/group-programs/grief-support-group'],
    ['delete', '/api/group-programs/grief-support-group'],
    ['post', '/api/topics'],
    ['put', '/api/topics/grief'],
    ['delete', '/api/topics/grief'],
    ['put', '/api/comments/:comment'],
    ['delete', '/api/comments/:comment'],
    ['get', '/api/users'],
    ['get', '/api/users/1'],
    ['get', '/api/users-permissions/roles'],
    ['post', '/api/upload'],
  ];

  it.each(writes)('%s %s (403)', async (method, template) => {
    const path = template.replace(':article', articleId).replace(':comment', commentId);
    const res = await app.http()[method as 'get'](path).send({ data: { title: 'Defaced' } });
    expect(res.status).toBe(403);
  });

  it('see the unchanged article after those attempts', async () => {
    const res = await app.http().get(`/api/articles/${articleId}`).expect(200);
    expect(res.body.data.title).toBe(SEED_ARTICLE.title);
  });

  it('register an account (readers have none)', async () => {
    const before = await app.strapi.db.query('plugin::users-permissions.user').count();
    const res = await app
      .http()
      .post('/api/auth/local/register')
      .send({ username: 'reader', email: 'reader@example.com', password: 'Reader-pass-123' });
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
    expect(await app.strapi.db.query('plugin::users-permissions.user').count()).toBe(before);
  });
});

describe('an ordinary authenticated user', () => {
  it('cannot write content either', async () => {
    const jwt = await userJwt(app);
    await app.http().post('/api/articles').set('Authorization', `Bearer ${jwt}`).send({ data: { title: 'x' } }).expect(403);
    await app.http().get('/api/users').set('Authorization', `Bearer ${jwt}`).expect(403);
  });
});

describe('permissions as code', () => {
  it('revoke a public permission granted by hand and restore a removed one, idempotently', async () => {
    const role = await app.strapi.db.query('plugin::users-permissions.role').findOne({ where: { type: 'public' } });
    await app.strapi.db.query('plugin::users-permissions.permission').create({ data: { action: 'api::article.article.delete', role: role.id } });
    await app.strapi.db.query('plugin::users-permissions.permission').deleteMany({ where: { action: 'api::topic.topic.find', role: role.id } });

    await ensurePublicPermissions(app.strapi);
    await ensurePublicPermissions(app.strapi);

    const actions = (await app.strapi.db.query('plugin::users-permissions.permission').findMany({ where: { role: role.id } }))
      .map((permission: { action: string }) => permission.action)
      .filter((action: string) => action.startsWith('api::'));
    expect(actions).not.toContain('api::article.article.delete');
    expect(actions.filter((action: string) => action === 'api::topic.topic.find')).toHaveLength(1);
  });

  it('covers plugin content-API actions too: a hand-granted upload or user listing is revoked, sign-up stays closed', async () => {
    const role = await app.strapi.db.query('plugin::users-permissions.role').findOne({ where: { type: 'public' } });
    for (const action of ['plugin::upload.content-api.upload', 'plugin::users-permissions.user.find', 'plugin::users-permissions.auth.register']) {
      await app.strapi.db.query('plugin::users-permissions.permission').create({ data: { action, role: role.id } });
    }
    await ensurePublicPermissions(app.strapi);
    const actions = (await app.strapi.db.query('plugin::users-permissions.permission').findMany({ where: { role: role.id } })).map(
      (permission: { action: string }) => permission.action
    );
    expect(actions.filter((action: string) => action.startsWith('plugin::')).sort()).toEqual([
      'plugin::users-permissions.auth.callback',
      'plugin::users-permissions.auth.forgotPassword',
      'plugin::users-permissions.auth.refresh',
      'plugin::users-permissions.auth.resetPassword',
    ]);
    await app.http().get('/api/users').expect(403);
    await app.http().post('/api/upload').attach('files', Buffer.from('x'), 'x.txt').expect(403);
  });
});
