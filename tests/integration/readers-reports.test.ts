import jwt from 'jsonwebtoken';
import { seedDemoContent } from '../../src/seed/demo-content';
import { adminUserToken, userJwt } from '../helpers/auth';
import { uniqueEmail } from '../helpers/comments';
import { approvedComment, COMMENT, post, readersEnv, stored, verifiedReader, type Smtp } from '../helpers/readers';
import { startSmtpCapture } from '../helpers/smtp';
import { startStrapi, type TestApp } from '../helpers/strapi';
import { ipHash as hashOfIp } from '../../src/utils/reader-identity';

const SECRET = 'readers-reports-secret';
const REPORT = 'api::comment-report.comment-report';

let app: TestApp;
let smtp: Smtp;
let moderatorJwt: string;
let ips = 0;
const nextIp = () => `198.51.100.${(ips += 1)}`;
const report = (documentId: string, body: Record<string, unknown>, ip = nextIp()) =>
  app.http().post(`/api/comments/${documentId}/report`).set('X-Forwarded-For', ip).send(body);
const reportsOf = async (documentId: string) => app.strapi.db.query(REPORT).count({ where: { comment: { documentId } } });
const queue = (status: string) => app.http().get(`/api/comments/moderation-queue?status=${status}`).set('Authorization', `Bearer ${moderatorJwt}`);

beforeAll(async () => {
  smtp = await startSmtpCapture();
  app = await startStrapi(readersEnv(smtp, SECRET, { READER_REPORTS_PER_HOUR: '4' }));
  await seedDemoContent(app.strapi);
  moderatorJwt = await userJwt(app, 'moderator');
});
afterAll(async () => {
  await app?.stop();
  await smtp?.stop();
});

describe('readers report a comment', () => {
  it.each([
    ['no reason', {}, 'reason'],
    ['an unknown reason', { reason: 'boring' }, 'reason'],
    ['a text over 1000 characters', { reason: 'other', text: 'x'.repeat(1001) }, 'text'],
    ['an unknown field', { reason: 'spam', status: 'rejected' }, 'status'],
  ])('%s is a 400 naming the field, and nothing is stored', async (_name, body, field) => {
    const documentId = await approvedComment(app);
    const res = await report(documentId, body).expect(400);
    expect(res.body.error.details.errors[0].path).toEqual([field]);
    expect(await reportsOf(documentId)).toBe(0);
  });

  it('answers the same 404 for an unknown comment and one that is not public', async () => {
    const pending = (await post(app, {}).expect(201)).body.data.documentId;
    const unknown = await report('nosuchcomment0000000000', { reason: 'spam' }).expect(404);
    const hidden = await report(pending, { reason: 'spam' }).expect(404);
    expect(hidden.body).toEqual(unknown.body);
    expect(await reportsOf(pending)).toBe(0);
  });

  it('stores one report per reader: again from the same IP is answered the same and not counted', async () => {
    const documentId = await approvedComment(app);
    const first = await report(documentId, { reason: 'spam', text: 'an <b>ad</b>' }, '198.51.100.200').expect(202);
    const again = await report(documentId, { reason: 'harmful' }, '198.51.100.200').expect(202);
    expect(again.body).toEqual(first.body);
    expect(await reportsOf(documentId)).toBe(1);
    const [stored] = await app.strapi.db.query(REPORT).findMany({ where: { comment: { documentId } } });
    expect(stored).toMatchObject({ reason: 'spam', text: 'an ad' });
    // Private: the content API never lists reports.
    await app.http().get('/api/comment-reports').expect(404);
  });

  it('a verified reader is one reader from any IP; a forged commenter token is a 400', async () => {
    const { token } = await verifiedReader(app, smtp);
    const documentId = await approvedComment(app);
    await report(documentId, { reason: 'other', commenterToken: token }).expect(202);
    await report(documentId, { reason: 'other', commenterToken: token }).expect(202);
    expect(await reportsOf(documentId)).toBe(1);
    const forged = jwt.sign({ email: 'x@example.com', version: 0, purpose: 'commenter' }, 'not-the-secret');
    const res = await report(documentId, { reason: 'other', commenterToken: forged }).expect(400);
    expect(res.body.error.details.errors[0].path).toEqual(['commenterToken']);
  });

  it('enough reports hide the comment until a moderator decides, and the Reported queue shows why', async () => {
    const documentId = await approvedComment(app);
    await report(documentId, { reason: 'harmful', text: 'mocks a grieving reader' }).expect(202);
    await report(documentId, { reason: 'harmful' }).expect(202);
    await app.http().get(`/api/comments/${documentId}`).expect(200);
    await report(documentId, { reason: 'spam' }).expect(202);

    expect(await stored(app, documentId)).toMatchObject({ moderationStatus: 'pending' });
    expect((await stored(app, documentId)).flags).toContain('reported');
    await app.http().get(`/api/comments/${documentId}`).expect(404);

    const listed = await queue('reported').expect(200);
    const item = listed.body.data.find((row: { documentId: string }) => row.documentId === documentId);
    expect(item.reports).toMatchObject({ total: 3, reasons: { harmful: 2, spam: 1 } });
    expect(item.reports.reports[0]).toEqual({ reason: 'harmful', text: 'mocks a grieving reader', createdAt: expect.any(String) });
    expect(JSON.stringify(item.reports)).not.toMatch(/readerKey|dedupeKey|198\.51/);

    await app.http().post(`/api/comments/${documentId}/moderate`).set('Authorization', `Bearer ${moderatorJwt}`).send({ status: 'approved' }).expect(200);
    await app.http().get(`/api/comments/${documentId}`).expect(200);
    const after = await queue('reported').expect(200);
    expect(after.body.data.some((row: { documentId: string }) => row.documentId === documentId)).toBe(false);
    expect(await app.strapi.db.query(REPORT).count({ where: { comment: { documentId }, resolvedAt: { $null: true } } })).toBe(0);
  });

  it('one connection counts once towards hiding, however many confirmed addresses it shows', async () => {
    const [first, second] = [await verifiedReader(app, smtp, 'sybil-a'), await verifiedReader(app, smtp, 'sybil-b')];
    const documentId = await approvedComment(app);
    const sameConnection = '198.51.100.77';
    await report(documentId, { reason: 'harmful' }, sameConnection).expect(202);
    await report(documentId, { reason: 'harmful', commenterToken: first.token }, sameConnection).expect(202);
    await report(documentId, { reason: 'harmful', commenterToken: second.token }, sameConnection).expect(202);
    // Three readers' reports for the moderators, one connection: the comment stays on the page.
    expect(await reportsOf(documentId)).toBe(3);
    await app.http().get(`/api/comments/${documentId}`).expect(200);
    expect(await stored(app, documentId)).toMatchObject({ moderationStatus: 'approved' });
    // Two more connections make three: hidden.
    await report(documentId, { reason: 'harmful' }).expect(202);
    await app.http().get(`/api/comments/${documentId}`).expect(200);
    await report(documentId, { reason: 'spam' }).expect(202);
    await app.http().get(`/api/comments/${documentId}`).expect(404);
  });

  it('the practice’s reply is flagged for review by reports, never hidden by them', async () => {
    const question = await approvedComment(app);
    const moderator = await adminUserToken(app, 'strapi-moderator', 'reply-moderator@practice.example', 'Moderator-pass-1');
    const reply = (
      await app.http().post(`/moderation/comments/${question}/reply`).set('Authorization', `Bearer ${moderator}`).send({ body: 'Our Thursday group has places; call us to join.' }).expect(201)
    ).body.data as { documentId: string };
    expect(await stored(app, reply.documentId)).toMatchObject({ moderationStatus: 'approved', byPractice: true });
    for (let reader = 0; reader < 4; reader++) await report(reply.documentId, { reason: 'harmful' }).expect(202);
    const after = await stored(app, reply.documentId);
    expect(after).toMatchObject({ moderationStatus: 'approved', byPractice: true });
    expect(after.flags).toContain('reported');
    const shown = await app.http().get(`/api/comments/${reply.documentId}`).expect(200);
    expect(shown.body.data).toMatchObject({ authorName: 'Counseling Practice' });
    const listed = await queue('reported').expect(200);
    expect(listed.body.data.find((row: { documentId: string }) => row.documentId === reply.documentId)?.reports).toMatchObject({ total: 4 });
  });

  it('the reports service gives moderators each comment its open reports', async () => {
    const documentId = await approvedComment(app);
    await report(documentId, { reason: 'personal-details', text: 'names my sister' }).expect(202);
    const summaries = await app.strapi.service(REPORT).openReports([documentId, 'nosuchcomment']);
    expect(Object.keys(summaries)).toEqual([documentId]);
    expect(summaries[documentId]).toMatchObject({ total: 1, reasons: { 'personal-details': 1 }, firstReportedAt: expect.any(String) });
  });

  it('a crisis report makes the comment urgent, emails the moderators, shows the reporter help, and escalates if unreviewed', async () => {
    const documentId = await approvedComment(app, { body: 'Does anyone else feel the evenings are the hardest part of the week?' });
    const res = await report(documentId, { reason: 'crisis', text: 'I think she is in danger' }).expect(202);
    expect(res.body.data.support.resources.length).toBeGreaterThan(0);
    expect(await stored(app, documentId)).toMatchObject({ priority: 'urgent', moderationStatus: 'approved' });
    const mail = await smtp.waitFor((message) => message.to.includes('moderators@practice.example') && message.text.includes(documentId));
    expect(mail?.text).toContain('A reader reported a published comment as a possible crisis');

    const escalated = await app.strapi.service(COMMENT).escalateOverdueUrgent(new Date(Date.now() + 31 * 60_000));
    expect(escalated).toBeGreaterThanOrEqual(1);
    expect((await stored(app, documentId)).escalatedAt).toBeTruthy();
  });

  it('a deleted comment takes its reports with it (the nightly purge of rejected comments)', async () => {
    const documentId = await approvedComment(app);
    await report(documentId, { reason: 'spam' }).expect(202);
    await app.strapi.documents(COMMENT).update({ documentId, data: { moderationStatus: 'rejected' } });
    await app.strapi.service(COMMENT).purgeDiscarded(new Date(Date.now() + 31 * 24 * 3600_000));
    expect(await stored(app, documentId)).toBeNull();
    expect(await app.strapi.db.query(REPORT).count({ where: { comment: { id: { $null: true } } } })).toBe(0);
  });

  it('is flood-controlled per IP (READER_REPORTS_PER_HOUR): 429 with Retry-After', async () => {
    const ip = '198.51.100.250';
    for (let index = 0; index < 4; index += 1) await report(await approvedComment(app), { reason: 'spam' }, ip).expect(202);
    const res = await report(await approvedComment(app), { reason: 'spam' }, ip).expect(429);
    expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
  });
});

describe('moderators block abusers', () => {
  let moderatorAdmin: string;
  const BLOCKS = '/content-manager/collection-types/api::commenter-block.commenter-block';
  const block = (data: Record<string, unknown>) => app.http().post(BLOCKS).set('Authorization', `Bearer ${moderatorAdmin}`).send(data);

  beforeAll(async () => {
    const { adminUserToken } = await import('../helpers/auth');
    moderatorAdmin = await adminUserToken(app, 'strapi-moderator', 'block-moderator@practice.example', 'Moderator-pass-1');
  });

  it('a blocked address is answered like anyone, and nothing is stored or emailed', async () => {
    const email = uniqueEmail('abuser');
    await block({ email: email.toUpperCase(), reason: 'Repeated harassment of other readers' }).expect(201);
    const before = await app.strapi.db.query(COMMENT).count();
    const blocked = await post(app, { authorEmail: email }).expect(201);
    const normal = await post(app, { authorEmail: uniqueEmail('someone') }).expect(201);
    const shape = (body: { data: Record<string, unknown> }) => ({ ...body.data, documentId: String(body.data.documentId).length });
    expect(shape(blocked.body)).toEqual(shape(normal.body));
    expect(await app.strapi.db.query(COMMENT).count()).toBe(before + 1);
    // The confirmation email of the normal comment arrives; none goes to the blocked address.
    await smtp.waitFor((message) => message.text.includes('/api/commenters/confirm') && message.to.length > 0 && !message.to.includes(email));
    expect(smtp.messages.some((message) => message.to.includes(email))).toBe(false);
  });

  it('a blocked reader sending the same text again is answered as anyone’s repeat: the same id, flood control alike', async () => {
    const blockedEmail = uniqueEmail('blocked-repeat');
    await block({ email: blockedEmail, reason: 'Repeated harassment' }).expect(201);
    const run = async (authorEmail: string, ip: string) => {
      const body = `Is the Tuesday group still meeting in December? (${ip})`;
      const first = await post(app, { authorEmail, body }, ip);
      const again = await post(app, { authorEmail, body }, ip);
      const other = await post(app, { authorEmail, body: `And is there parking nearby? (${ip})` }, ip);
      return { statuses: [first.status, again.status, other.status], sameId: first.body.data?.documentId === again.body.data?.documentId };
    };
    const blocked = await run(blockedEmail, '203.0.113.61');
    const normal = await run(uniqueEmail('not-blocked-repeat'), '203.0.113.62');
    expect(blocked).toEqual(normal);
    expect(normal.sameId).toBe(true);
    expect(await app.strapi.db.query(COMMENT).count({ where: { authorEmail: blockedEmail } })).toBe(0);
  });

  it('a blocked reader in crisis still gets help at once', async () => {
    const email = uniqueEmail('blocked-crisis');
    await block({ email, reason: 'spam campaign' }).expect(201);
    const res = await post(app, { authorEmail: email, body: 'i want to kms tonight' }).expect(201);
    expect(res.body.data.state).toBe('received');
    expect(res.body.data.support).toBeDefined();
    expect(await app.strapi.db.query(COMMENT).count({ where: { authorEmail: email } })).toBe(0);
  });

  it('an IP hash blocks every address from that connection, and its reports', async () => {
    const ip = '192.0.2.77';
    // The hash the server keeps of that connection (the block is made from a comment's ipHash in the admin panel).
    const ipHash = hashOfIp(app.strapi, ip);
    await block({ ipHash, reason: 'Sock puppets' }).expect(201);
    const before = await app.strapi.db.query(COMMENT).count();
    await post(app, { authorEmail: uniqueEmail('puppet') }, ip).expect(201);
    expect(await app.strapi.db.query(COMMENT).count()).toBe(before);

    const target = await approvedComment(app);
    const res = await report(target, { reason: 'harmful' }, ip).expect(202);
    expect(res.body.data.received).toBe(true);
    expect(await reportsOf(target)).toBe(0);
  });

  it('a block that has ended no longer applies', async () => {
    const email = uniqueEmail('served');
    await block({ email, reason: 'cooling off', until: new Date(Date.now() - 60_000).toISOString() }).expect(201);
    await post(app, { authorEmail: email }).expect(201);
    expect(await app.strapi.db.query(COMMENT).count({ where: { authorEmail: email } })).toBe(1);
  });

  it('rejectPending rejects the author’s pending comments at once, recording who decided', async () => {
    const email = uniqueEmail('pending-abuser');
    const first = (await post(app, { authorEmail: email }).expect(201)).body.data.documentId;
    // The second one from the admin panel's path (flood control would hold a second post within seconds).
    const { article } = (await app.strapi.db.query(COMMENT).findOne({ where: { documentId: first }, populate: { article: { select: ['documentId'] } } })) as { article: { documentId: string } };
    // moderationStatus and priority are placeholders: the moderation pipeline decides them.
    const data = { article: article.documentId, authorName: 'Robin', authorEmail: email, body: 'And another question?', moderationStatus: 'pending' as const, priority: 'normal' as const };
    const second = (await app.strapi.documents(COMMENT).create({ data })).documentId;
    expect(await stored(app, second)).toMatchObject({ moderationStatus: 'pending' });
    const res = await block({ email, reason: 'Threats', rejectPending: true }).expect(201);
    for (const documentId of [first, second]) {
      expect(await stored(app, documentId)).toMatchObject({ moderationStatus: 'rejected', moderatedBy: 'admin:block-moderator@practice.example' });
    }
    const saved = await app.strapi.db.query('api::commenter-block.commenter-block').findOne({ where: { documentId: res.body.data.documentId } });
    expect(saved).toMatchObject({ email, pendingRejected: 2 });
  });

  it('moderators read reports in the admin panel, never who sent them', async () => {
    const documentId = await approvedComment(app);
    await report(documentId, { reason: 'other', text: 'off topic' }).expect(202);
    const list = await app.http().get('/content-manager/collection-types/api::comment-report.comment-report').set('Authorization', `Bearer ${moderatorAdmin}`).expect(200);
    expect(list.body.results.length).toBeGreaterThan(0);
    expect(list.body.results[0].readerKey).toBeUndefined();
    expect(list.body.results[0].dedupeKey).toBeUndefined();
    await app.http().post('/content-manager/collection-types/api::comment-report.comment-report').set('Authorization', `Bearer ${moderatorAdmin}`).send({ reason: 'spam' }).expect(403);
  });

  it('a block needs an address or an IP hash (400 naming email), and moderators cannot see data requests', async () => {
    const res = await block({ reason: 'nobody' }).expect(400);
    expect(res.body.error.message).toMatch(/email address or an IP hash/);
    await app.http().get('/content-manager/collection-types/api::data-request.data-request').set('Authorization', `Bearer ${moderatorAdmin}`).expect(403);
  });
});
