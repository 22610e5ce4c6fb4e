import jwt from 'jsonwebtoken';
import { findLinks, normalise, spamTokens } from '#domain/moderation';
import { seedDemoContent } from '../../src/seed/demo-content';
import { adminToken, userJwt } from '../helpers/auth';
import { uniqueEmail } from '../helpers/comments';
import { captureLog } from '../helpers/log-capture';
import { GATES_OPEN, approvedComment, COMMENT, linkIn, post, readersEnv, stored, verifiedReader, type Smtp } from '../helpers/readers';
import { startSmtpCapture } from '../helpers/smtp';
import { startStrapi, type TestApp } from '../helpers/strapi';

const SECRET = 'readers-data-secret';
const DATA_REQUEST = 'api::data-request.data-request';

let app: TestApp;
let smtp: Smtp;
let ips = 0;
const nextIp = () => `198.51.100.${(ips += 1)}`;
const mailsTo = (email: string, about: string) => smtp.messages.filter((message) => message.to.includes(email) && message.text.includes(about));
const approve = (documentId: string, status = 'approved') => app.strapi.documents(COMMENT).update({ documentId, data: { moderationStatus: status as 'approved' } });
const dataPost = (path: string, body: Record<string, unknown>, ip = nextIp()) => app.http().post(path).set('X-Forwarded-For', ip).send(body);
const sign = (claims: Record<string, unknown>, secret = SECRET, expiresIn = 3600) => jwt.sign(claims, secret, { expiresIn });
const logOf = async (email: string) => app.strapi.db.query(DATA_REQUEST).findMany({ where: { email }, orderBy: { id: 'asc' } });

beforeAll(async () => {
  smtp = await startSmtpCapture();
  app = await startStrapi(readersEnv(smtp, SECRET, { ...GATES_OPEN, COMMENT_FLOOD_CONTROL: 'false', READER_DATA_REQUESTS_PER_HOUR: '3', COMMENT_THREAD_URL: 'https://practice.test/blog/{slug}#comment-{comment}' }));
  await seedDemoContent(app.strapi);
  // A boot on a fresh database trains the learned models: over a minute on a loaded 2-core CI machine.
}, 180_000);
afterAll(async () => {
  await app?.stop();
  await smtp?.stop();
});

/** A verified reader's approved comment that asks to be told about replies. */
const subscribedComment = async () => {
  const reader = await verifiedReader(app, smtp, 'asker');
  const res = await post(app, { authorEmail: reader.email, commenterToken: reader.token, notifyReplies: true }).expect(201);
  await approve(res.body.data.documentId);
  expect(await stored(app, res.body.data.documentId)).toMatchObject({ notifyReplies: true });
  return { ...reader, parent: res.body.data.documentId as string };
};

describe('reply notifications', () => {
  it('need a commenter token: without one notifyReplies is a 400 naming it, and nothing is stored', async () => {
    const before = await app.strapi.db.query(COMMENT).count();
    const res = await post(app, { notifyReplies: true }).expect(400);
    expect(res.body.error.details.errors[0].path).toEqual(['notifyReplies']);
    expect(await app.strapi.db.query(COMMENT).count()).toBe(before);
  });

  it('are sent once a reply is approved, once, with a thread link and no reply text', async () => {
    const { email, parent } = await subscribedComment();
    const reply = await post(app, { parent, body: 'Secret words of the reply, never emailed.' }).expect(201);
    const replyId = reply.body.data.documentId;
    expect(await stored(app, replyId)).toMatchObject({ moderationStatus: 'pending' });

    await approve(replyId);
    const mail = await smtp.waitFor((message) => message.to.includes(email) && message.text.includes('replied to your comment'));
    expect(mail!.text).toContain(`https://practice.test/blog/whats-the-difference-between-a-support-group-and-group-therapy#comment-${replyId}`);
    expect(mail!.text).toMatch(/http:\/\/cms\.test\/api\/commenters\/unsubscribe\?token=/);
    expect(mail!.text).not.toContain('Secret words');

    // Taken back and approved again: still one email.
    await approve(replyId, 'rejected');
    await approve(replyId);
    const other = await post(app, { parent }).expect(201);
    await approve(other.body.data.documentId);
    await smtp.waitFor((message) => message.to.includes(email) && message.text.includes(other.body.data.documentId));
    expect(mailsTo(email, 'replied to your comment')).toHaveLength(2);
    expect(mailsTo(email, replyId)).toHaveLength(1);
  });

  it('are sent when a reply is approved without review (a verified, approved author)', async () => {
    const { email, parent } = await subscribedComment();
    const replier = await verifiedReader(app, smtp, 'replier');
    await approve(replier.firstComment);
    const reply = await post(app, { parent, authorEmail: replier.email, commenterToken: replier.token, body: 'The Tuesday group is lovely, come along.' }).expect(201);
    expect(reply.body.data.state).toBe('published');
    expect(await smtp.waitFor((message) => message.to.includes(email) && message.text.includes(reply.body.data.documentId))).toBeDefined();
  });

  it('are never sent to an address that was not confirmed', async () => {
    const email = uniqueEmail('unconfirmed');
    const first = await post(app, { authorEmail: email }).expect(201);
    // Only possible outside the public API (the admin panel, a script): the flag alone does not make an email go out.
    await app.strapi.db.query(COMMENT).update({ where: { documentId: first.body.data.documentId }, data: { notifyReplies: true } });
    await approve(first.body.data.documentId);
    const reply = await post(app, { parent: first.body.data.documentId }).expect(201);
    expect(await app.strapi.service('api::commenter.reply-notifications').notifyReply(reply.body.data.documentId)).toBe(false);
    await approve(reply.body.data.documentId);
    expect(mailsTo(email, 'replied to your comment')).toHaveLength(0);
  });

  it('stop with the one-click unsubscribe link', async () => {
    const { email, parent } = await subscribedComment();
    const first = await post(app, { parent }).expect(201);
    await approve(first.body.data.documentId);
    const link = await linkIn(smtp, email, '/api/commenters/unsubscribe');
    const res = await app.http().get(link).expect(200);
    expect(res.body.data.unsubscribed).toBe(true);
    expect(await stored(app, parent)).toMatchObject({ notifyReplies: false });
    const second = await post(app, { parent }).expect(201);
    expect(await app.strapi.service('api::commenter.reply-notifications').notifyReply(second.body.data.documentId)).toBe(false);
  });

  it.each([
    ['forged', () => sign({ email: 'a@example.com', comment: 'x', purpose: 'unsubscribe' }, 'another-secret'), /not valid/],
    ['expired', () => jwt.sign({ email: 'a@example.com', comment: 'x', purpose: 'unsubscribe', exp: Math.floor(Date.now() / 1000) - 60 }, SECRET), /expired/],
    ['tampered', () => `${sign({ email: 'a@example.com', comment: 'x', purpose: 'unsubscribe' })}x`, /not valid/],
    ['an export token', () => sign({ email: 'a@example.com', request: 1, purpose: 'export' }), /not valid/],
  ])('a %s unsubscribe link is a 400 naming the token', async (_name, token, message) => {
    const res = await app.http().get(`/api/commenters/unsubscribe?token=${encodeURIComponent(token())}`).expect(400);
    expect(res.body.error.message).toMatch(message);
    expect(res.body.error.details.errors[0].path).toEqual(['token']);
  });
});

describe('readers export their data', () => {
  it('by an emailed link: JSON of their comments only, logged with counts and without the data', async () => {
    const { email, token } = await verifiedReader(app, smtp, 'exporter');
    await approvedComment(app, { authorEmail: email, body: 'My own words about the grief group.' });
    await post(app, {}).expect(201);

    const asked = await dataPost('/api/commenters/export', { commenterToken: token }).expect(202);
    expect(asked.body.data.message).toMatch(/emailed/);
    const link = await linkIn(smtp, email, '/api/commenters/export/download');
    const res = await app.http().get(link).expect(200);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.body.data.email).toBe(email);
    expect(res.body.data.comments).toHaveLength(2);
    expect(res.body.data.comments.every((comment: { authorEmail: string }) => comment.authorEmail === email)).toBe(true);
    expect(res.body.data.comments.map((comment: { body: string }) => comment.body)).toContain('My own words about the grief group.');

    const [entry] = await logOf(email);
    expect(entry).toMatchObject({ kind: 'export', status: 'done', requestedBy: 'reader', result: { comments: 2, reports: 0 } });
    expect(JSON.stringify(entry)).not.toContain('My own words');

    // Once: whoever opens the link next (a forwarded email, a shared computer's history) gets nothing.
    const again = await app.http().get(link).expect(400);
    expect(again.body.error.message).toMatch(/already used/);
    expect(again.body.error.details.errors[0].path).toEqual(['token']);
    await app.http().post('/api/commenters/export/download').send({ token: new URLSearchParams(link.split('?')[1]).get('token') }).expect(400);
  });

  it('the export and erasure links die with "sign out everywhere"', async () => {
    const { email, token } = await verifiedReader(app, smtp, 'signed-out');
    const mine = await approvedComment(app, { authorEmail: email, body: 'Words I want to keep private.' });
    await dataPost('/api/commenters/export', { commenterToken: token }).expect(202);
    const exportLink = await linkIn(smtp, email, '/api/commenters/export/download');
    await dataPost('/api/commenters/erase', { commenterToken: token }).expect(202);
    const eraseLink = await linkIn(smtp, email, '/api/commenters/erase/confirm');

    await dataPost('/api/commenters/revoke', { commenterToken: token }).expect(204);
    for (const link of [exportLink, eraseLink]) {
      const res = await app.http().get(link).expect(400);
      expect(res.body.error.message).toMatch(/revoked when you signed out everywhere/);
      expect(res.body.error.details.errors[0].path).toEqual(['token']);
    }
    expect(await stored(app, mine)).toMatchObject({ authorEmail: email, body: 'Words I want to keep private.' });
  });

  it.each([
    ['no commenter token', {}, 'commenterToken'],
    ['a forged commenter token', { commenterToken: sign({ email: 'a@example.com', version: 0, purpose: 'commenter' }, 'another-secret') }, 'commenterToken'],
  ])('%s is a 400 naming it, and nothing is sent or logged', async (_name, body, field) => {
    const before = await app.strapi.db.query(DATA_REQUEST).count();
    const res = await dataPost('/api/commenters/export', body).expect(400);
    expect(res.body.error.details.errors[0].path).toEqual([field]);
    expect(await app.strapi.db.query(DATA_REQUEST).count()).toBe(before);
  });

  it.each([
    ['forged', () => sign({ email: 'a@example.com', request: 1, purpose: 'export' }, 'another-secret'), /not valid/],
    ['expired', () => jwt.sign({ email: 'a@example.com', request: 1, purpose: 'export', exp: Math.floor(Date.now() / 1000) - 60 }, SECRET), /expired/],
    ['an erasure token', () => sign({ email: 'a@example.com', request: 1, purpose: 'erase' }), /not valid/],
  ])('a %s download link is a 400 naming the token', async (_name, token, message) => {
    const res = await app.http().get(`/api/commenters/export/download?token=${encodeURIComponent(token())}`).expect(400);
    expect(res.body.error.message).toMatch(message);
    expect(res.body.error.details.errors[0].path).toEqual(['token']);
  });

  it('a request whose email cannot be sent is a 503 and leaves nothing behind', async () => {
    const { email, token } = await verifiedReader(app, smtp, 'mail-outage');
    const send = jest.spyOn(app.strapi.plugin('email').service('email'), 'send').mockRejectedValueOnce(new Error('SMTP down'));
    try {
      const res = await dataPost('/api/commenters/erase', { commenterToken: token }).expect(503);
      expect(res.headers['retry-after']).toBeDefined();
      expect(await logOf(email)).toHaveLength(0);
    } finally {
      send.mockRestore();
    }
    await dataPost('/api/commenters/erase', { commenterToken: token }).expect(202);
    expect(await logOf(email)).toHaveLength(1);
  });

  it('requests are limited per address (READER_DATA_REQUESTS_PER_HOUR): 429 with Retry-After', async () => {
    const { token } = await verifiedReader(app, smtp, 'eager');
    for (let index = 0; index < 3; index += 1) await dataPost('/api/commenters/export', { commenterToken: token }).expect(202);
    const res = await dataPost('/api/commenters/export', { commenterToken: token }).expect(429);
    expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
  });
});

describe('readers erase their data', () => {
  it('after confirming by the emailed link: their comments anonymised, replies by others kept, once, logged without the address', async () => {
    const { email, token } = await verifiedReader(app, smtp, 'leaver');
    const mine = await approvedComment(app, { authorEmail: email, body: 'My story of losing my father.' });
    const reply = await approvedComment(app, { parent: mine, body: 'Thank you for sharing this.' });

    await dataPost('/api/commenters/erase', { commenterToken: token }).expect(202);
    const link = await linkIn(smtp, email, '/api/commenters/erase/confirm');
    expect(await stored(app, mine)).toMatchObject({ authorEmail: email });

    const res = await app.http().get(link).expect(200);
    expect(res.body.data).toMatchObject({ erased: true, comments: 2, mode: 'anonymise' });
    const erased = await stored(app, mine);
    expect(erased).toMatchObject({ authorName: 'Former reader', authorEmail: 'former-reader@erased.invalid', ipHash: null, userAgent: null, notifyReplies: false });
    expect(erased.body).not.toContain('father');
    const kept = await app.strapi.db.query(COMMENT).findOne({ where: { documentId: reply }, populate: { parent: { select: ['documentId'] } } });
    expect(kept).toMatchObject({ body: 'Thank you for sharing this.', parent: { documentId: mine } });
    expect(await app.strapi.db.query('api::commenter.commenter').count({ where: { email } })).toBe(0);

    const again = await app.http().get(link).expect(400);
    expect(again.body.error.message).toMatch(/already used/);
    const stale = await post(app, { authorEmail: email, commenterToken: token }).expect(400);
    expect(stale.body.error.details.errors[0].path).toEqual(['commenterToken']);

    const entry = (await app.strapi.db.query(DATA_REQUEST).findMany({ where: { kind: 'erase', requestedBy: 'reader' } })).at(-1);
    expect(entry).toMatchObject({ status: 'done', mode: 'anonymise', result: { comments: 2, mode: 'anonymise' } });
    expect(entry.email).not.toBe(email);
    expect(entry.email).toMatch(/^l\*\*\*@example\.com$/);
  });

  it('in delete mode their comments are removed and replies by others stay', async () => {
    app.strapi.config.set('readers.erasureMode', 'delete');
    try {
      const { email, token } = await verifiedReader(app, smtp, 'deleter');
      const mine = await approvedComment(app, { authorEmail: email });
      const reply = await approvedComment(app, { parent: mine });
      await dataPost('/api/commenters/erase', { commenterToken: token }).expect(202);
      await app.http().post('/api/commenters/erase/confirm').send({ token: new URLSearchParams((await linkIn(smtp, email, '/api/commenters/erase/confirm')).split('?')[1]).get('token') }).expect(200);
      expect(await app.strapi.db.query(COMMENT).count({ where: { authorEmail: email } })).toBe(0);
      expect(await stored(app, mine)).toBeNull();
      expect(await stored(app, reply)).toMatchObject({ moderationStatus: 'approved' });
    } finally {
      app.strapi.config.set('readers.erasureMode', 'anonymise');
    }
  });

  it.each([
    ['forged', () => sign({ email: 'a@example.com', request: 1, purpose: 'erase' }, 'another-secret'), /not valid/],
    ['expired', () => jwt.sign({ email: 'a@example.com', request: 1, purpose: 'erase', exp: Math.floor(Date.now() / 1000) - 60 }, SECRET), /expired/],
    ['tampered', () => `${sign({ email: 'a@example.com', request: 1, purpose: 'erase' })}A`, /not valid/],
  ])('a %s erasure link is a 400 naming the token, and nothing is erased', async (_name, token, message) => {
    const before = await app.strapi.db.query(COMMENT).count({ where: { authorName: 'Former reader' } });
    const res = await app.http().get(`/api/commenters/erase/confirm?token=${encodeURIComponent(token())}`).expect(400);
    expect(res.body.error.message).toMatch(message);
    expect(res.body.error.details.errors[0].path).toEqual(['token']);
    expect(await app.strapi.db.query(COMMENT).count({ where: { authorName: 'Former reader' } })).toBe(before);
  });
});

describe('the spam filter forgets erased comments', () => {
  /** How often the shared model has seen `word` (as the filter spells it) as spam and as not, and whether it knows it at all. */
  const learned = async (text: string) => {
    const [word] = spamTokens(normalise(text), findLinks(text));
    const [, , counts, , vocabulary] = JSON.parse((await app.strapi.service('api::comment.spam-classifier').current()).toJSON()) as [
      unknown,
      unknown,
      Record<string, Record<string, number>>,
      unknown,
      string[],
    ];
    return { spam: counts.spam?.[word] ?? 0, ham: counts.ham?.[word] ?? 0, known: vocabulary.includes(word) };
  };

  it.each(['anonymise', 'delete'] as const)('%s: the words their decided comments taught are unlearned', async (mode) => {
    app.strapi.config.set('readers.erasureMode', mode);
    try {
      const moderator = await userJwt(app, 'moderator');
      const decide = (documentId: string, status: string) =>
        app.http().post(`/api/comments/${documentId}/moderate`).set('Authorization', `Bearer ${moderator}`).send({ status }).expect(200);
      const { email, token } = await verifiedReader(app, smtp, `unlearn-${mode}`);
      const spamWord = `zorblax${mode}`;
      const hamWord = `quillfern${mode}`;
      const spam = (await post(app, { authorEmail: email, commenterToken: token, body: `Cheap ${spamWord} offers every day, visit now` }).expect(201)).body.data.documentId;
      const genuine = (await post(app, { authorEmail: email, commenterToken: token, body: `Does the ${hamWord} evening group meet in December?` }).expect(201)).body.data.documentId;
      await decide(spam, 'spam');
      await decide(genuine, 'approved');
      // A moderator's decision counts SPAM_CLASSIFIER_DECISION_WEIGHT times.
      const weight = app.strapi.config.get('moderation.classifier.decisionWeight') as number;
      expect(await learned(spamWord)).toEqual({ spam: weight, ham: 0, known: true });
      expect(await learned(hamWord)).toEqual({ spam: 0, ham: weight, known: true });

      await dataPost('/api/commenters/erase', { commenterToken: token }).expect(202);
      await app.http().get(await linkIn(smtp, email, '/api/commenters/erase/confirm')).expect(200);
      expect(await learned(spamWord)).toEqual({ spam: 0, ham: 0, known: false });
      expect(await learned(hamWord)).toEqual({ spam: 0, ham: 0, known: false });
      if (mode === 'anonymise') expect(await stored(app, spam)).toMatchObject({ trainedAs: null, body: expect.stringMatching(/removed at the request/) });
    } finally {
      app.strapi.config.set('readers.erasureMode', 'anonymise');
    }
  });
});

describe('tokens never reach the access log', () => {
  it('confirmation, unsubscribe, export and erasure links are logged with the token redacted', async () => {
    const log = captureLog(app.strapi);
    try {
      const { email, token, parent } = await subscribedComment();
      await approve((await post(app, { parent }).expect(201)).body.data.documentId);
      await app.http().get(await linkIn(smtp, email, '/api/commenters/unsubscribe')).expect(200);
      await dataPost('/api/commenters/export', { commenterToken: token }).expect(202);
      await app.http().get(await linkIn(smtp, email, '/api/commenters/export/download')).expect(200);
      await dataPost('/api/commenters/erase', { commenterToken: token }).expect(202);
      await app.http().get(await linkIn(smtp, email, '/api/commenters/erase/confirm')).expect(200);

      const tokens = smtp.messages.filter((message) => message.to.includes(email)).flatMap((message) => [...message.text.matchAll(/token=([A-Za-z0-9._%-]+)/g)].map((match) => decodeURIComponent(match[1])));
      expect(tokens.length).toBeGreaterThanOrEqual(4);
      const text = log.text();
      for (const path of ['/api/commenters/confirm', '/api/commenters/unsubscribe', '/api/commenters/export/download', '/api/commenters/erase/confirm']) {
        expect(text).toMatch(new RegExp(`http: GET ${path.replace(/\//g, '\\/')}\\?token=\\[redacted\\] \\(\\d+ ms\\) 200`));
      }
      for (const secret of [...tokens, token]) {
        for (const part of secret.split('.')) expect(text).not.toContain(part);
      }
    } finally {
      log.stop();
    }
  });
});

describe('administrators handle a request made by letter or phone', () => {
  const REQUESTS = `/content-manager/collection-types/${DATA_REQUEST}`;
  let admin: string;
  beforeAll(async () => {
    admin = await adminToken(app);
  });

  it('an erasure is carried out when the request is saved, and logged', async () => {
    const email = uniqueEmail('by-letter');
    const mine = await approvedComment(app, { authorEmail: email });
    const res = await app.http().post(REQUESTS).set('Authorization', `Bearer ${admin}`).send({ email: email.toUpperCase(), kind: 'erase' }).expect(201);
    expect(await stored(app, mine)).toMatchObject({ authorName: 'Former reader' });
    const entry = await app.strapi.db.query(DATA_REQUEST).findOne({ where: { documentId: res.body.data.documentId } });
    expect(entry).toMatchObject({ status: 'done', requestedBy: 'admin:admin@example.com', result: { comments: 1 } });
    expect(entry.email).not.toContain(email.split('@')[0]);
  });

  it('an export emails the address its download link', async () => {
    const email = uniqueEmail('by-phone');
    await approvedComment(app, { authorEmail: email });
    await app.http().post(REQUESTS).set('Authorization', `Bearer ${admin}`).send({ email, kind: 'export' }).expect(201);
    const res = await app.http().get(await linkIn(smtp, email, '/api/commenters/export/download')).expect(200);
    expect(res.body.data.comments).toHaveLength(1);
    expect((await logOf(email))[0]).toMatchObject({ kind: 'export', status: 'done', requestedBy: 'admin:admin@example.com' });
  });

  it('a bad address is a 400 naming email; the log cannot be edited', async () => {
    const res = await app.http().post(REQUESTS).set('Authorization', `Bearer ${admin}`).send({ email: 'not-an-address', kind: 'erase' }).expect(400);
    expect(res.body.error.details.errors[0].path).toEqual(['email']);
    const [entry] = await app.strapi.db.query(DATA_REQUEST).findMany({ limit: 1 });
    await app.http().put(`${REQUESTS}/${entry.documentId}`).set('Authorization', `Bearer ${admin}`).send({ kind: 'export' }).expect(403);
    await app.http().delete(`${REQUESTS}/${entry.documentId}`).set('Authorization', `Bearer ${admin}`).expect(403);
  });
});
