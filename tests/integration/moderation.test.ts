import { ensureApiRoles } from '../../src/bootstrap/api-roles';
import { ensureAdminRoles } from '../../src/bootstrap/ensure-admin-roles';
import { seedDemoContent } from '../../src/seed/demo-content';
import { SEED_ARTICLE, SEED_COMMENT } from '../../src/seed/seed-article';
import { adminToken, adminUserToken, userJwt } from '../helpers/auth';
import { postComment, uniqueEmail } from '../helpers/comments';
import { startSmtpCapture } from '../helpers/smtp';
import { startStrapi, type TestApp } from '../helpers/strapi';

let app: TestApp;
let smtp: Awaited<ReturnType<typeof startSmtpCapture>>;
let articleId: string;

const COMMENT = 'api::comment.comment';
const stored = (documentId: string) => app.strapi.db.query(COMMENT).findOne({ where: { documentId } });
const publicCommentIds = async () => {
  const res = await app.http().get(`/api/articles/${SEED_ARTICLE.slug}/comments?pageSize=100`).expect(200);
  return res.body.data.map((comment: { documentId: string }) => comment.documentId);
};
const spyOnPipeline = () => jest.spyOn(app.strapi.service('api::comment.moderation'), 'evaluate');

beforeAll(async () => {
  smtp = await startSmtpCapture();
  app = await startStrapi({
    IS_PROXIED: 'true',
    COMMENT_FLOOD_CONTROL: 'false',
    ...smtp.env,
    MODERATOR_EMAILS: 'moderators@practice.example,lead@practice.example',
  });
  await seedDemoContent(app.strapi);
  articleId = (await app.strapi.documents('api::article.article').findFirst({ filters: { slug: SEED_ARTICLE.slug } }))!.documentId;
});
afterAll(async () => {
  await app?.stop();
  await smtp?.stop();
});
afterEach(() => jest.restoreAllMocks());

describe('the pipeline runs exactly once on every create path', () => {
  it('seed: the seed article’s comment is kept off the public page as spam', async () => {
    await app.strapi.db.query(COMMENT).deleteMany({ where: { authorEmail: SEED_COMMENT.authorEmail } });
    const pipeline = spyOnPipeline();
    await seedDemoContent(app.strapi);
    expect(pipeline).toHaveBeenCalledTimes(1);
    const seedComment = await app.strapi.db.query(COMMENT).findOne({ where: { authorEmail: SEED_COMMENT.authorEmail } });
    expect(seedComment).toMatchObject({ moderationStatus: 'spam', flags: expect.arrayContaining(['generic-praise']) });
    expect(await publicCommentIds()).not.toContain(seedComment.documentId);
  });

  it('REST', async () => {
    const pipeline = spyOnPipeline();
    const res = await postComment(app, { article: articleId, authorName: 'Kim', authorEmail: uniqueEmail(), body: 'Is the Thursday group open to grandparents?' }).expect(201);
    expect(pipeline).toHaveBeenCalledTimes(1);
    expect(await stored(res.body.data.documentId)).toMatchObject({ moderationStatus: 'pending' });
  });

  it('Document Service, whatever status the caller sets', async () => {
    const pipeline = spyOnPipeline();
    const comment = await app.strapi.documents(COMMENT).create({
      data: { article: articleId, authorName: 'Bot', authorEmail: uniqueEmail(), body: 'Visit www.a.example.com and www.b.example.com', moderationStatus: 'approved', priority: 'normal' },
    });
    expect(pipeline).toHaveBeenCalledTimes(1);
    expect(await stored(comment.documentId)).toMatchObject({ moderationStatus: 'spam', flags: expect.arrayContaining(['too-many-links']) });
  });

  it('admin panel (Content Manager), even when the form says approved', async () => {
    const token = await adminToken(app);
    const pipeline = spyOnPipeline();
    const res = await app
      .http()
      .post(`/content-manager/collection-types/${COMMENT}`)
      .set('Authorization', `Bearer ${token}`)
      .send({
        article: { connect: [{ documentId: articleId }] },
        authorName: 'Typed in admin',
        authorEmail: uniqueEmail(),
        body: 'Insightful comparison! Highlights support vs therapy in mental health guidance.',
        moderationStatus: 'approved',
      });
    expect(res.status).toBe(201);
    expect(pipeline).toHaveBeenCalledTimes(1);
    expect(await stored(res.body.data.documentId)).toMatchObject({ moderationStatus: 'spam' });
  });

  it('a status change goes through the same middleware and records who and when', async () => {
    const comment = await app.strapi.documents(COMMENT).create({
      data: { article: articleId, authorName: 'Lee', authorEmail: uniqueEmail(), body: 'Thank you, booked a consult.', moderationStatus: 'pending', priority: 'normal' },
    });
    const pipeline = spyOnPipeline();
    await app.strapi.documents(COMMENT).update({ documentId: comment.documentId, data: { moderationStatus: 'approved' } });
    expect(pipeline).not.toHaveBeenCalled();
    const after = await stored(comment.documentId);
    expect(after.moderationStatus).toBe('approved');
    expect(new Date(after.moderatedAt).getTime()).toBeGreaterThan(Date.now() - 10_000);
  });
});

describe('moderators over the API', () => {
  let moderatorJwt: string;
  let crisisId: string;
  let olderId: string;
  let newerId: string;

  beforeAll(async () => {
    moderatorJwt = await userJwt(app, 'moderator');
    olderId = (await postComment(app, { article: articleId, authorName: 'Older', authorEmail: uniqueEmail(), body: 'Where do I park for the Tuesday group?' })).body.data.documentId;
    newerId = (await postComment(app, { article: articleId, authorName: 'Newer', authorEmail: uniqueEmail(), body: 'Can I bring my sister to the grief group?' })).body.data.documentId;
    crisisId = (
      await postComment(app, { article: articleId, authorName: 'Sam', authorEmail: uniqueEmail(), body: 'Since the funeral I keep thinking about ending my life.' })
    ).body.data.documentId;
  });

  const queue = (query = '?status=pending&pageSize=100') =>
    app.http().get(`/api/comments/moderation-queue${query}`).set('Authorization', `Bearer ${moderatorJwt}`);

  it('see the pending queue urgent first, then oldest first, with flags and private fields', async () => {
    const res = await queue().expect(200);
    const ids = res.body.data.map((comment: { documentId: string }) => comment.documentId);
    expect(ids[0]).toBe(crisisId);
    expect(ids.indexOf(olderId)).toBeLessThan(ids.indexOf(newerId));
    expect(res.body.data[0]).toMatchObject({ priority: 'urgent', flags: expect.arrayContaining(['crisis']), authorEmail: expect.stringContaining('@example.com'), moderationStatus: 'pending' });
    expect(res.body.data[0].article).toMatchObject({ documentId: articleId, slug: SEED_ARTICLE.slug });
    expect(res.body.data[0]).not.toHaveProperty('ipHash');
    expect(res.body.meta.pagination.total).toBe(ids.length);
  });

  it('filter the queue by status and reject a bad one with a 400 naming it', async () => {
    const spam = await queue('?status=spam').expect(200);
    expect(spam.body.data.every((comment: { moderationStatus: string }) => comment.moderationStatus === 'spam')).toBe(true);
    expect(spam.body.data.length).toBeGreaterThan(0);
    const bad = await queue('?status=everything').expect(400);
    expect(bad.body.error.details.errors[0].path).toEqual(['status']);
    await queue('?status=pending&sort=createdAt').expect(400);
  });

  it('approve a comment into the public list, then take it out again', async () => {
    const approved = await app
      .http()
      .post(`/api/comments/${olderId}/moderate`)
      .set('Authorization', `Bearer ${moderatorJwt}`)
      .send({ status: 'approved', note: 'Genuine question' })
      .expect(200);
    expect(approved.body.data).toMatchObject({ moderationStatus: 'approved', moderationNote: 'Genuine question', moderatedBy: expect.stringMatching(/^api:/) });
    expect(await publicCommentIds()).toContain(olderId);

    await app.http().post(`/api/comments/${olderId}/moderate`).set('Authorization', `Bearer ${moderatorJwt}`).send({ status: 'spam' }).expect(200);
    expect(await publicCommentIds()).not.toContain(olderId);
    await app.http().post(`/api/comments/${newerId}/moderate`).set('Authorization', `Bearer ${moderatorJwt}`).send({ status: 'rejected' }).expect(200);
    expect(await publicCommentIds()).not.toContain(newerId);
  });

  it.each([
    ['a status moderators cannot set', { status: 'pending' }, 'status'],
    ['no status', {}, 'status'],
    ['a note over 2,000 characters', { status: 'approved', note: 'x'.repeat(2001) }, 'note'],
    ['an unknown field', { status: 'approved', publish: true }, 'publish'],
  ])('reject a bad decision (%s) with a 400 naming the field', async (_label, body, field) => {
    const res = await app.http().post(`/api/comments/${crisisId}/moderate`).set('Authorization', `Bearer ${moderatorJwt}`).send(body).expect(400);
    expect(JSON.stringify(res.body.error)).toContain(field);
    expect(await stored(crisisId)).toMatchObject({ moderationStatus: 'pending' });
  });

  it('get a 404 for an unknown comment', async () => {
    await app.http().post('/api/comments/nosuchcomment/moderate').set('Authorization', `Bearer ${moderatorJwt}`).send({ status: 'approved' }).expect(404);
  });

  it('are the only ones: Public and ordinary users get 403 on both endpoints', async () => {
    const userToken = await userJwt(app);
    for (const auth of [undefined, `Bearer ${userToken}`]) {
      const get = app.http().get('/api/comments/moderation-queue');
      const post = app.http().post(`/api/comments/${crisisId}/moderate`).send({ status: 'approved' });
      if (auth) {
        get.set('Authorization', auth);
        post.set('Authorization', auth);
      }
      expect((await get).status).toBe(403);
      expect((await post).status).toBe(403);
    }
    expect(await stored(crisisId)).toMatchObject({ moderationStatus: 'pending' });
  });

  it('are emailed about an urgent comment, and only about urgent ones', async () => {
    const mail = await smtp.waitFor((message) => message.text.includes('ending my life'));
    expect(mail).toBeDefined();
    expect(mail!.to.sort()).toEqual(['lead@practice.example', 'moderators@practice.example']);
    expect(mail!.text).toMatch(/Subject: .*Urgent[ _]comment[ _]to[ _]review/);
    expect(mail!.text).toContain(`/admin/content-manager/collection-types/${COMMENT}/${crisisId}`);
    expect(smtp.messages.some((message) => message.text.includes('Where do I park'))).toBe(false);
  });
});

describe('the admin Moderator role', () => {
  let moderatorToken: string;
  let commentId: string;

  beforeAll(async () => {
    moderatorToken = await adminUserToken(app, 'strapi-moderator', 'moderator@practice.example', 'Moderator-pass-1');
    commentId = (await postComment(app, { article: articleId, authorName: 'Pat', authorEmail: uniqueEmail(), body: 'Is there a group for teens?' })).body.data.documentId;
  });

  const asModerator = (method: 'get' | 'put' | 'post' | 'delete', path: string) =>
    app.http()[method](path).set('Authorization', `Bearer ${moderatorToken}`);

  it('can list and read comments', async () => {
    const list = await asModerator('get', `/content-manager/collection-types/${COMMENT}`).expect(200);
    expect(list.body.results.length).toBeGreaterThan(0);
    await asModerator('get', `/content-manager/collection-types/${COMMENT}/${commentId}`).expect(200);
  });

  it('changes only status and note: the body stays, and who and when are recorded', async () => {
    await asModerator('put', `/content-manager/collection-types/${COMMENT}/${commentId}`)
      .send({ moderationStatus: 'approved', moderationNote: 'fine', body: 'Rewritten by a moderator', authorName: 'Someone else' })
      .expect(200);
    const after = await stored(commentId);
    expect(after).toMatchObject({ moderationStatus: 'approved', moderationNote: 'fine', body: 'Is there a group for teens?', authorName: 'Pat', moderatedBy: 'admin:moderator@practice.example' });
    expect(after.moderatedAt).not.toBeNull();
  });

  it('cannot create or delete comments', async () => {
    await asModerator('post', `/content-manager/collection-types/${COMMENT}`).send({ body: 'x', authorName: 'x', authorEmail: 'x@example.com' }).expect(403);
    await asModerator('delete', `/content-manager/collection-types/${COMMENT}/${commentId}`).expect(403);
  });

  it('cannot touch articles, programs, topics or settings', async () => {
    await asModerator('get', '/content-manager/collection-types/api::article.article').expect(403);
    await asModerator('put', `/content-manager/collection-types/api::article.article/${articleId}`).send({ title: 'Defaced' }).expect(403);
    await asModerator('get', '/content-manager/collection-types/api::group-program.group-program').expect(403);
    await asModerator('post', '/content-manager/collection-types/api::topic.topic').send({ name: 'x' }).expect(403);
    await asModerator('get', '/admin/users').expect(403);
    await asModerator('get', '/admin/roles').expect(403);
  });

  it('is created idempotently', async () => {
    const permissions = async () => (await app.strapi.db.query('admin::permission').findMany({ where: { role: { code: 'strapi-moderator' } } })).length;
    const before = await permissions();
    for (let round = 0; round < 2; round++) {
      await ensureApiRoles(app.strapi);
      await ensureAdminRoles(app.strapi);
    }
    expect(await app.strapi.db.query('admin::role').count({ where: { code: 'strapi-moderator' } })).toBe(1);
    expect(await app.strapi.db.query('plugin::users-permissions.role').count({ where: { type: 'moderator' } })).toBe(1);
    expect(await permissions()).toBe(before);
    // Comments (read; update status and note), readers' reports (read), blocks (read, create, update, delete), the inbox (3).
    expect(before).toBe(10);
  });
});

describe('the admin Comment list', () => {
  it('shows status, priority, author, article, flags and date, newest first', async () => {
    const token = await adminToken(app);
    const res = await app.http().get(`/content-manager/content-types/${COMMENT}/configuration`).set('Authorization', `Bearer ${token}`).expect(200);
    const { contentType } = res.body.data;
    expect(contentType.layouts.list).toEqual(['moderationStatus', 'priority', 'authorName', 'article', 'flagSummary', 'createdAt']);
    expect(contentType.settings).toMatchObject({ defaultSortBy: 'createdAt', defaultSortOrder: 'DESC' });
    expect(contentType.metadatas.moderationStatus.list.label).toBe('Status');
  });
});

describe('purging', () => {
  it('deletes spam and rejected comments older than the configured days, and nothing else', async () => {
    const make = async (moderationStatus: 'spam' | 'rejected' | 'pending' | 'approved', daysOld: number) => {
      const comment = await app.strapi.documents(COMMENT).create({
        data: { article: articleId, authorName: 'Old', authorEmail: uniqueEmail(), body: `An old ${moderationStatus} comment ${Math.random()}`, moderationStatus: 'pending', priority: 'normal' },
      });
      // Straight to the table: Strapi sets updatedAt itself on every update.
      await app.strapi.db
        .connection('comments')
        .where({ document_id: comment.documentId })
        .update({ moderation_status: moderationStatus, updated_at: new Date(Date.now() - daysOld * 24 * 3600 * 1000) });
      return comment.documentId;
    };
    const oldSpam = await make('spam', 40);
    const oldRejected = await make('rejected', 31);
    const recentSpam = await make('spam', 5);
    const oldPending = await make('pending', 90);
    const oldApproved = await make('approved', 90);

    const purged = await app.strapi.service(COMMENT).purgeDiscarded();
    expect(purged).toBeGreaterThanOrEqual(2);
    expect(await stored(oldSpam)).toBeNull();
    expect(await stored(oldRejected)).toBeNull();
    for (const kept of [recentSpam, oldPending, oldApproved]) expect(await stored(kept)).not.toBeNull();
  });
});
