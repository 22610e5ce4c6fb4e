import jwt from 'jsonwebtoken';
import { seedDemoContent } from '../../src/seed/demo-content';
import { SEED_ARTICLE } from '../../src/seed/seed-article';
import { postComment, uniqueEmail } from '../helpers/comments';
import { startSmtpCapture, type CapturedMail } from '../helpers/smtp';
import { startStrapi, type TestApp } from '../helpers/strapi';
import { GATES_OPEN } from '../helpers/readers';

const SECRET = 'care-test-commenter-secret';
const COMMENT = 'api::comment.comment';

let app: TestApp;
let smtp: Awaited<ReturnType<typeof startSmtpCapture>>;
let texts = 0;
const question = () => `Is the Thursday grief group still taking people? (${(texts += 1)})`;
const stored = (documentId: string) => app.strapi.db.query(COMMENT).findOne({ where: { documentId } });
const post = (data: Record<string, unknown>) => postComment(app, { article: SEED_ARTICLE.slug, authorName: 'Robin', body: question(), ...data });

/** The confirmation link emailed to `email`: its path and query, as the reader's click would request them. */
const confirmationLink = async (email: string) => {
  const mail = await smtp.waitFor((message) => message.to.includes(email) && message.text.includes('/api/commenters/confirm'));
  if (!mail) throw new Error(`no confirmation email to ${email}`);
  const url = new URL(/http:\/\/cms\.test\/api\/commenters\/confirm\?token=[A-Za-z0-9._%-]+/.exec(mail.text)![0]);
  return url.pathname + url.search;
};
const mailsTo = (email: string) => smtp.messages.filter((message: CapturedMail) => message.to.includes(email));

/** A reader who confirmed their address: their commenter token. */
const verifiedReader = async () => {
  const email = uniqueEmail('verified');
  await post({ authorEmail: email }).expect(201);
  const confirmed = await app.http().get(await confirmationLink(email)).expect(200);
  return { email, token: confirmed.body.data.commenterToken as string };
};

beforeAll(async () => {
  smtp = await startSmtpCapture();
  app = await startStrapi({
    ...GATES_OPEN,
    IS_PROXIED: 'true',
    COMMENT_FLOOD_CONTROL: 'false',
    ...smtp.env,
    PUBLIC_URL: 'http://cms.test',
    COMMENTER_TOKEN_SECRET: SECRET,
    MODERATOR_EMAILS: 'moderators@practice.example',
    URGENT_ESCALATION_EMAILS: 'clinical-lead@practice.example',
    URGENT_ESCALATE_AFTER_MINUTES: '30',
    URGENT_ESCALATION_CRON: '* * * * * *',
  });
  await seedDemoContent(app.strapi);
});
afterAll(async () => {
  await app?.stop();
  await smtp?.stop();
});

describe('commenters confirm their address', () => {
  it('the first comment emails a signed link; following it gives the website a commenter token', async () => {
    const email = uniqueEmail('new');
    const res = await post({ authorEmail: email }).expect(201);
    expect(res.body.data.state).toBe('received');
    const link = await confirmationLink(email);
    expect(link).toMatch(/^\/api\/commenters\/confirm\?token=/);

    const confirmed = await app.http().get(link).expect(200);
    expect(confirmed.body.data).toMatchObject({ email, verified: true, commenterToken: expect.any(String) });
    expect(confirmed.headers['cache-control']).toBe('no-store');
    expect((await app.strapi.db.query('api::commenter.commenter').findOne({ where: { email } })).verifiedAt).toBeTruthy();
  });

  it('a link works once: following it again is a clear 400, and the address stays confirmed', async () => {
    const email = uniqueEmail('twice');
    await post({ authorEmail: email }).expect(201);
    const link = await confirmationLink(email);
    const first = await app.http().get(link).expect(200);
    const again = await app.http().get(link).expect(400);
    expect(again.body.error.message).toMatch(/already used/);
    expect(again.body.error.details.errors[0].path).toEqual(['token']);
    // The token from the first click still works.
    await post({ authorEmail: email, commenterToken: first.body.data.commenterToken }).expect(201);
  });

  it('the website may POST the token from its own confirmation page', async () => {
    const email = uniqueEmail('post');
    await post({ authorEmail: email }).expect(201);
    const token = new URLSearchParams((await confirmationLink(email)).split('?')[1]).get('token');
    const res = await app.http().post('/api/commenters/confirm').send({ token }).expect(200);
    expect(res.body.data.verified).toBe(true);
  });

  it.each([
    ['forged', () => jwt.sign({ email: 'x@example.com', nonce: 'n', purpose: 'confirm-email' }, 'another-secret'), /not valid/],
    ['expired', () => jwt.sign({ email: 'x@example.com', nonce: 'n', purpose: 'confirm-email', exp: Math.floor(Date.now() / 1000) - 60 }, SECRET), /expired/],
    ['a commenter token used as a link', () => jwt.sign({ email: 'x@example.com', version: 0, purpose: 'commenter' }, SECRET), /not valid/],
    ['missing', () => '', /must be a confirmation link/],
  ])('a %s link answers 400 naming the token', async (_name, makeToken, message) => {
    const res = await app.http().get(`/api/commenters/confirm?token=${encodeURIComponent(makeToken())}`).expect(400);
    expect(res.body.error.message).toMatch(message);
    expect(res.body.error.details.errors[0].path).toEqual(['token']);
  });

  it('sends at most one confirmation email per address within the resend window', async () => {
    const email = uniqueEmail('once');
    await post({ authorEmail: email }).expect(201);
    await post({ authorEmail: email }).expect(201);
    await smtp.waitFor((message) => message.to.includes(email));
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(mailsTo(email)).toHaveLength(1);
  });

  it('sends nothing for spam', async () => {
    const email = uniqueEmail('bot');
    await post({ authorEmail: email, body: 'Visit www.a.example.com and www.b.example.com' }).expect(201);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(mailsTo(email)).toHaveLength(0);
  });
});

describe('auto-approval is earned, not typed', () => {
  it('needs a verified address with an approved comment, proven by the token', async () => {
    const { email, token } = await verifiedReader();
    const first = await post({ authorEmail: email, commenterToken: token }).expect(201);
    expect(first.body.data.state).toBe('received');
    await app.strapi.documents(COMMENT).update({ documentId: first.body.data.documentId, data: { moderationStatus: 'approved' } });

    const second = await post({ authorEmail: email, commenterToken: token }).expect(201);
    expect(second.body.data.state).toBe('published');
    expect(await stored(second.body.data.documentId)).toMatchObject({ moderationStatus: 'approved' });

    // The same address typed without the token is reviewed like anyone's.
    const typed = await post({ authorEmail: email }).expect(201);
    expect(typed.body.data.state).toBe('received');
  });

  it.each([
    ['crisis language', 'I took all my pills tonight, nobody will miss me'],
    ['a phone number', 'Could someone call me back on 555-201-7788 about the group?'],
    ['a link to a site that is not a helpline or health authority', 'This page explains it well: https://www.example.org/support-groups'],
    ['a medication dose', 'Is it okay to come if I just went up to 100 mg of sertraline?'],
    ['a named third party with a diagnosis', 'My coworker Dave Miller has bipolar disorder, could he join?'],
  ])('holds %s from a verified, approved author', async (_name, body) => {
    const { email, token } = await verifiedReader();
    const first = await post({ authorEmail: email, commenterToken: token }).expect(201);
    await app.strapi.documents(COMMENT).update({ documentId: first.body.data.documentId, data: { moderationStatus: 'approved' } });
    const res = await post({ authorEmail: email, commenterToken: token, body }).expect(201);
    expect(res.body.data.state).toBe('received');
    expect((await stored(res.body.data.documentId)).moderationStatus).toBe('pending');
  });

  it('answers the same for a known, approved address and an unknown one', async () => {
    const { email, token } = await verifiedReader();
    const first = await post({ authorEmail: email, commenterToken: token }).expect(201);
    await app.strapi.documents(COMMENT).update({ documentId: first.body.data.documentId, data: { moderationStatus: 'approved' } });

    const known = await post({ authorEmail: email }).expect(201);
    const unknown = await post({ authorEmail: uniqueEmail('stranger') }).expect(201);
    const shape = (res: { status: number; body: { data: Record<string, unknown> } }) => ({ ...res.body.data, documentId: typeof res.body.data.documentId });
    expect(shape(known)).toEqual(shape(unknown));
    expect(known.status).toBe(unknown.status);
  });

  it.each([
    ['forged', () => jwt.sign({ email: 'a@example.com', version: 0, purpose: 'commenter' }, 'wrong'), /not valid/],
    ['expired', () => jwt.sign({ email: 'a@example.com', version: 0, purpose: 'commenter', exp: Math.floor(Date.now() / 1000) - 1 }, SECRET), /expired/],
    ['a confirmation link token', () => jwt.sign({ email: 'a@example.com', nonce: 'x', purpose: 'confirm-email' }, SECRET), /not valid/],
  ])('a %s commenter token is a 400 naming commenterToken, and nothing is stored', async (_name, makeToken, message) => {
    const before = await app.strapi.db.query(COMMENT).count();
    const res = await post({ authorEmail: 'a@example.com', commenterToken: makeToken() }).expect(400);
    expect(res.body.error.message).toMatch(message);
    expect(res.body.error.details.errors[0].path).toEqual(['commenterToken']);
    expect(await app.strapi.db.query(COMMENT).count()).toBe(before);
  });

  it('a token for another address is refused', async () => {
    const { token } = await verifiedReader();
    const res = await post({ authorEmail: uniqueEmail('other'), commenterToken: token }).expect(400);
    expect(res.body.error.details.errors[0].path).toEqual(['commenterToken']);
  });

  it('a revoked token no longer proves anything', async () => {
    const { email, token } = await verifiedReader();
    await app.http().post('/api/commenters/revoke').send({ commenterToken: token }).expect(204);
    const res = await post({ authorEmail: email, commenterToken: token }).expect(400);
    expect(res.body.error.message).toMatch(/revoked/);
  });
});

describe('help for the person in crisis', () => {
  it('the answer carries support resources at once, never the comment text, and moderators are emailed', async () => {
    const body = 'honestly i dont see the point anymore, everyone would be better off without me';
    const res = await post({ authorEmail: uniqueEmail('crisis'), body }).expect(201);
    expect(res.body.data.state).toBe('received');
    const { support } = res.body.data;
    expect(support.message).toMatch(/not alone|don't have to go through this alone/i);
    expect(support.resources).toEqual(
      expect.arrayContaining([expect.objectContaining({ phone: '988', sms: '988' }), expect.objectContaining({ sms: '741741', smsBody: 'HOME' })])
    );
    expect(support.emergency.phone).toBe('911');
    expect(JSON.stringify(res.body)).not.toContain('better off');
    expect(await stored(res.body.data.documentId)).toMatchObject({ moderationStatus: 'pending', priority: 'urgent' });
    expect(await smtp.waitFor((mail) => mail.to.includes('moderators@practice.example') && mail.text.includes('better off without me'))).toBeDefined();
  });

  it('an ordinary comment gets no support object', async () => {
    const res = await post({ authorEmail: uniqueEmail('ordinary') }).expect(201);
    expect(res.body.data.support).toBeUndefined();
  });

  it('an unreviewed urgent comment is escalated by the cron task once it is overdue, once', async () => {
    const res = await post({ authorEmail: uniqueEmail('overdue'), body: 'I cut again last night and I cannot stop' }).expect(201);
    const { documentId } = res.body.data;
    const service = app.strapi.service('api::comment.comment');
    expect(await service.escalateOverdueUrgent(new Date(Date.now() + 29 * 60_000))).toBe(0);

    // 31 minutes later (the row is backdated): the task, running every second here, sends the escalation.
    await app.strapi.db.query(COMMENT).update({ where: { documentId }, data: { createdAt: new Date(Date.now() - 31 * 60_000), urgentSince: new Date(Date.now() - 31 * 60_000) } });
    const mail = await smtp.waitFor((message) => message.to.includes('clinical-lead@practice.example') && message.text.includes(documentId));
    expect(mail?.text).toMatch(/ESCALATION: urgent comment unreviewed for 3\d minutes/);
    expect(mail?.text).toContain('crisis:self-harm');
    expect((await stored(documentId)).escalatedAt).toBeTruthy();
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(smtp.messages.filter((message) => message.text.includes(documentId) && message.text.includes('ESCALATION'))).toHaveLength(1);
  });

  it('a reviewed urgent comment is not escalated', async () => {
    const res = await post({ authorEmail: uniqueEmail('reviewed'), body: 'i want to kms' }).expect(201);
    const { documentId } = res.body.data;
    await app.strapi.documents(COMMENT).update({ documentId, data: { moderationStatus: 'rejected' } });
    await app.strapi.db.query(COMMENT).update({ where: { documentId }, data: { createdAt: new Date(Date.now() - 60 * 60_000) } });
    await new Promise((resolve) => setTimeout(resolve, 2000));
    expect(smtp.messages.some((message) => message.text.includes(documentId) && message.text.includes('ESCALATION'))).toBe(false);
  });

  it('an edit that adds crisis language makes an approved comment urgent and pending again', async () => {
    const res = await post({ authorEmail: uniqueEmail('edited') }).expect(201);
    const { documentId } = res.body.data;
    await app.strapi.documents(COMMENT).update({ documentId, data: { moderationStatus: 'approved' } });
    await app.strapi.documents(COMMENT).update({ documentId, data: { body: 'Update: I have written letters to my kids and I am saying goodbye.' } });
    expect(await stored(documentId)).toMatchObject({ moderationStatus: 'pending', priority: 'urgent' });
    expect((await stored(documentId)).flags).toEqual(expect.arrayContaining(['crisis', 'crisis:goodbye']));
  });
});
