import { seedDemoContent } from '../../src/seed/demo-content';
import { adminUserToken } from '../helpers/auth';
import { GATES_OPEN, approvedComment, COMMENT, post, readersEnv, stored, verifiedReader, type Smtp } from '../helpers/readers';
import { startSmtpCapture } from '../helpers/smtp';
import { startStrapi, type TestApp } from '../helpers/strapi';

/**
 * Nothing published that no person has judged safe, over HTTP: a verified returning author's clean comment is
 * published and waits in the inbox's "Published without review" tab until a moderator has looked; marking it urgent
 * takes it off the page, emails the moderators and teaches the crisis model (and can be undone); a language the
 * rules do not read is held; help comes in the reader's language; the practice's replies are guarded.
 */
let app: TestApp;
let smtp: Smtp;
let moderator: string;

const as = (method: 'get' | 'post', path: string) => app.http()[method](path).set('Authorization', `Bearer ${moderator}`);
const queue = async (tab: string) => (await as('get', `/moderation/queue?tab=${tab}`).expect(200)).body as { data: Array<{ documentId: string; crisisRisk: number | null; language: string }>; meta: { counts: Record<string, number> } };
const thread = async () => (await app.http().get('/api/articles/whats-the-difference-between-a-support-group-and-group-therapy/comments').expect(200)).body.data as Array<{ documentId: string }>;

/** A reader whose address is confirmed and who already has an approved comment. */
const returningReader = async () => {
  const reader = await verifiedReader(app, smtp, 'returning');
  await app.strapi.documents(COMMENT).update({ documentId: reader.firstComment, data: { moderationStatus: 'approved' } });
  return reader;
};

beforeAll(async () => {
  smtp = await startSmtpCapture();
  app = await startStrapi(readersEnv(smtp, 'care-inbox-secret', { ...GATES_OPEN, COMMENT_FLOOD_CONTROL: 'false', MODERATION_UNDO_SECONDS: '300' }));
  await seedDemoContent(app.strapi);
  moderator = await adminUserToken(app, 'strapi-moderator', 'mod.care@practice.example', 'Moderator-pass-1');
});
afterAll(async () => {
  await app?.stop();
  await smtp?.stop();
});

describe('published without review', () => {
  it('a verified returning author is published at once, and the comment waits in its own tab until a moderator has seen it', async () => {
    const reader = await returningReader();
    const res = await post(app, { authorEmail: reader.email, commenterToken: reader.token, body: 'Thank you, I will ask the front office about the next therapy group.' }).expect(201);
    expect(res.body.data.state).toBe('published');
    const { documentId } = res.body.data;
    expect(await stored(app, documentId)).toMatchObject({ moderationStatus: 'approved', autoApproved: true, reviewedAt: null });
    const tab = await queue('unreviewed');
    expect(tab.data.map((item) => item.documentId)).toContain(documentId);
    expect(tab.meta.counts.unreviewed).toBeGreaterThanOrEqual(1);
    expect(typeof tab.data.find((item) => item.documentId === documentId)?.crisisRisk).toBe('number');

    await as('post', '/moderation/reviews').send({ documentIds: [documentId] }).expect(200);
    expect((await queue('unreviewed')).data.map((item) => item.documentId)).not.toContain(documentId);
    expect(await stored(app, documentId)).toMatchObject({ reviewedBy: 'admin:mod.care@practice.example' });
    expect((await thread()).map((comment) => comment.documentId)).toContain(documentId);
  });

  // The undo window is five minutes here (longer than the test's room, below). The mark retrains the crisis model on the whole labelled corpus (~7,500
  // texts: their features, then two models), about 5 s of CPU on a quiet machine and several times that on a 2-core CI
  // machine training other models beside it (a CI run hit the 60 s default); the undo's retraining is read from the
  // cache of trained models. The timeout is room for that work, not a limit on its speed.
  const RETRAINING_ROOM = 240_000;
  it('marking one urgent takes it off the page, emails the moderators, teaches the crisis model, and can be undone', async () => {
    const reader = await returningReader();
    const body = 'I will ask the front office which evening the therapy group meets.';
    const res = await post(app, { authorEmail: reader.email, commenterToken: reader.token, body }).expect(201);
    const { documentId } = res.body.data;
    expect(res.body.data.state).toBe('published');
    const model = app.strapi.service('api::comment.crisis-model');
    const { normalise } = await import('#domain/moderation');
    const before = (await model.scorers()).crisis(normalise(body)).score;
    smtp.messages.length = 0;

    const marked = (await as('post', '/moderation/urgency').send({ documentIds: [documentId], urgent: true }).expect(200)).body.data;
    expect(await stored(app, documentId)).toMatchObject({ moderationStatus: 'pending', priority: 'urgent', crisisLabel: 'crisis' });
    expect((await thread()).map((comment) => comment.documentId)).not.toContain(documentId);
    expect(await smtp.waitFor((message) => message.to.includes('moderators@practice.example') && message.text.includes(body))).toBeTruthy();
    expect((await queue('urgent')).data.map((item) => item.documentId)).toContain(documentId);

    await model.idle();
    const after = (await model.scorers()).crisis(normalise(body)).score;
    expect(after).toBeGreaterThan(before);

    await as('post', '/moderation/decisions/undo').send({ batchId: marked.batchId }).expect(200);
    expect(await stored(app, documentId)).toMatchObject({ moderationStatus: 'approved', priority: 'normal', crisisLabel: null });
    await model.idle();
    expect((await model.scorers()).crisis(normalise(body)).score).toBeCloseTo(before, 5);
  }, RETRAINING_ROOM);

  it('clearing an urgent mark teaches the model the other way', async () => {
    const res = await post(app, { body: 'My dissertation on grief groups is killing me, any reading list?' }).expect(201);
    const { documentId } = res.body.data;
    await as('post', '/moderation/urgency').send({ documentIds: [documentId], urgent: true }).expect(200);
    await as('post', '/moderation/urgency').send({ documentIds: [documentId], urgent: false }).expect(200);
    expect(await stored(app, documentId)).toMatchObject({ priority: 'normal', crisisLabel: 'not-crisis' });
  });

  it('refuses a bad urgency request with a 400 naming the field, and an Editor with 403', async () => {
    const res = await as('post', '/moderation/urgency').send({ documentIds: [], urgent: 'yes' }).expect(400);
    expect(JSON.stringify(res.body.error)).toMatch(/documentIds|urgent/);
    const editor = await adminUserToken(app, 'strapi-editor', 'editor.care@practice.example', 'Editor-pass-123');
    await app.http().post('/moderation/urgency').set('Authorization', `Bearer ${editor}`).send({ documentIds: ['x'], urgent: true }).expect(403);
  });
});

describe('languages the rules do not read', () => {
  it('holds a comment in Italian with the language named, even from a verified returning author', async () => {
    const reader = await returningReader();
    const res = await post(app, { authorEmail: reader.email, commenterToken: reader.token, body: 'Grazie per l’articolo, volevo sapere se il gruppo del martedì è ancora aperto a nuovi partecipanti.' }).expect(201);
    expect(res.body.data.state).toBe('received');
    const comment = await stored(app, res.body.data.documentId);
    expect(comment.flags).toContain('language:it');
    expect(comment.language).toBe('it');
  });
});

describe('help in the reader’s language', () => {
  it('answers a Spanish crisis comment with the support object in Spanish', async () => {
    const res = await post(app, { body: 'Ya no quiero seguir viviendo, no aguanto más esta soledad.' }).expect(201);
    expect(res.body.data.support).toMatchObject({ language: 'es' });
    expect(res.body.data.support.message).toMatch(/Gracias por contárnoslo/);
    expect(res.body.data.support.resources[0]).toMatchObject({ phone: '988', smsBody: 'AYUDA' });
  });

  it('answers an English one in English', async () => {
    const res = await post(app, { body: 'I have been thinking about ending my life.' }).expect(201);
    expect(res.body.data.support).toMatchObject({ language: 'en' });
    expect(res.body.data.support.resources[0].name).toMatch(/988/);
  });
});

describe('the practice’s replies', () => {
  it('warns before a reply that would confirm the reader is a client, and sends it only when told to', async () => {
    const parent = await approvedComment(app, { body: 'Is the Tuesday group a good fit for someone new to therapy?' });
    const path = `/moderation/comments/${parent}/reply`;
    const refused = await as('post', path).send({ body: 'As we discussed in your last session, the Tuesday group could help.' }).expect(400);
    expect(refused.body.error.details.warnings[0]).toMatchObject({ kind: 'client-relationship' });
    expect(refused.body.error.details.warnings[0].found.join(' ')).toMatch(/last sesion|discused/);
    const sent = await as('post', path).send({ body: 'As we discussed in your last session, the Tuesday group could help.', confirmDisclosure: true }).expect(201);
    expect(sent.body.data).toMatchObject({ moderationStatus: 'approved' });
    const fine = await as('post', path).send({ body: 'The Tuesday group welcomes newcomers; the front office can tell you more.' }).expect(201);
    expect(fine.body.data).toMatchObject({ moderationStatus: 'approved' });
  });

  it("warns before a reply that repeats someone's phone number", async () => {
    const parent = await approvedComment(app, { body: 'Can someone call me about the grief group?' });
    const refused = await as('post', `/moderation/comments/${parent}/reply`).send({ body: 'Sure, we will call you at 555-201-3344 tomorrow.' }).expect(400);
    expect(refused.body.error.details.warnings.map((warning: { kind: string }) => warning.kind)).toContain('personal-details');
  });
});
