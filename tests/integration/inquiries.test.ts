import { consentSentence } from '#domain/inquiries';
import { seedDemoContent } from '../../src/seed/demo-content';
import cronTasks from '../../config/cron-tasks';
import { adminToken, adminUserToken, withToken } from '../helpers/auth';
import { createProgram } from '../helpers/content';
import { uniqueEmail } from '../helpers/comments';
import { linkIn, readersEnv, verifiedReader, type Smtp } from '../helpers/readers';
import { startSmtpCapture } from '../helpers/smtp';
import { startStrapi, type TestApp } from '../helpers/strapi';

/**
 * "Ask about this group" over HTTP: POST /api/group-programs/:slug/inquiries stores a private inquiry, emails the
 * front office, answers the waiting list and crisis support, refuses bad input field by field; only the Front office
 * role sees inquiries; readers' export and erasure include them; the retention purge deletes old ones.
 */
const INQUIRY = 'api::inquiry.inquiry';
const PROGRAM = 'api::group-program.group-program';
const CM = '/content-manager/collection-types';
const FRONT_OFFICE = 'front@practice.example';
const CRISIS = 'honestly i dont see the point anymore, everyone would be better off without me';

let app: TestApp;
let smtp: Smtp;
let ips = 0;
const nextIp = () => `192.0.2.${(ips += 1)}`;
const programs: Record<'open' | 'full' | 'waitlist' | 'draft', { documentId: string; slug: string; title: string }> = {} as never;

const ask = (slug: string, data: Record<string, unknown>, ip = nextIp()) =>
  app.http().post(`/api/group-programs/${slug}/inquiries`).set('X-Forwarded-For', ip).send({ data });
const person = (extra: Record<string, unknown> = {}) => ({ name: 'Jordan Lee', email: uniqueEmail('asker'), preferredContact: 'email', consent: true, ...extra });
const inquiriesOf = (email: string) => app.strapi.db.query(INQUIRY).findMany({ where: { email }, populate: { program: { select: ['documentId', 'title'] } } });
const count = () => app.strapi.db.query(INQUIRY).count();
const mailAbout = (email: string) => smtp.waitFor((mail) => mail.to.includes(FRONT_OFFICE) && mail.text.includes(email));
/** The Subject header, unfolded and with its RFC 2047 encoded words (=?UTF-8?Q?...?=) decoded. */
const subjectOf = (raw: string) =>
  /^Subject: (.*(?:\r?\n[ \t].*)*)/m
    .exec(raw)![1]
    .replace(/\r?\n[ \t]/g, ' ')
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?UTF-8\?Q\?(.*?)\?=/gi, (_word, text: string) =>
      Buffer.from(text.replace(/_/g, ' ').replace(/=([0-9A-F]{2})/gi, (_match, hex: string) => String.fromCharCode(parseInt(hex, 16))), 'latin1').toString('utf8')
    );

beforeAll(async () => {
  smtp = await startSmtpCapture();
  app = await startStrapi(
    readersEnv(smtp, 'inquiries-secret', { COMMENT_FLOOD_CONTROL: 'false', FRONT_OFFICE_EMAILS: `${FRONT_OFFICE}, desk@practice.example`, INQUIRIES_PER_HOUR: '3', INQUIRY_RETENTION_DAYS: '30' })
  );
  await seedDemoContent(app.strapi);
  const make = async (key: keyof typeof programs, title: string, data: Record<string, unknown> = {}, draft = false) => {
    const created = await createProgram(app, title, { draft });
    if (Object.keys(data).length > 0) await app.strapi.documents(PROGRAM).update({ documentId: created.documentId, data, ...(draft ? {} : { status: 'published' as const }) });
    const row = await app.strapi.db.query(PROGRAM).findOne({ where: { documentId: created.documentId }, select: ['slug', 'title'] });
    programs[key] = { documentId: created.documentId, slug: row.slug, title: row.title };
  };
  await make('open', 'Thursday Grief Circle');
  await make('full', 'Anxiety Skills Group', { capacity: 8, seatsTaken: 8 });
  await make('waitlist', 'New Parents Group', { enrollmentStatus: 'waitlist' });
  await make('draft', 'Not Yet Announced Group', {}, true);
  // Boots Strapi, seeds, and trains the learned models on a first start: minutes on a loaded CI machine.
}, 240_000);
afterAll(async () => {
  await app?.stop();
  await smtp?.stop();
});

describe('asking about a group', () => {
  it('is stored privately with the consent version, and the front office is emailed without the message in the subject', async () => {
    const data = person({ phone: '(415) 555-2671', preferredContact: 'phone', message: 'Is there parking near the building?' });
    const res = await ask(programs.open.slug, data).expect(201);
    expect(res.body.data).toEqual({ state: 'received', waitingList: false, message: expect.stringMatching(/front office will contact you/) });
    expect(res.headers['cache-control']).toBe('no-store');

    const [stored] = await inquiriesOf(data.email as string);
    expect(stored).toMatchObject({
      name: 'Jordan Lee',
      phone: '+14155552671',
      preferredContact: 'phone',
      message: 'Is there parking near the building?',
      consentVersion: consentSentence().version,
      handling: 'new',
      handledAt: null,
      waitingList: false,
      urgent: false,
      program: { documentId: programs.open.documentId },
    });

    const mail = await mailAbout(data.email as string);
    expect(mail!.to.sort()).toEqual(['desk@practice.example', FRONT_OFFICE]);
    expect(subjectOf(mail!.raw)).toBe(`Inquiry: "${programs.open.title}"`);
    expect(subjectOf(mail!.raw)).not.toMatch(/parking/);
    expect(mail!.text).toContain('Is there parking near the building?');
    expect(mail!.text).toContain('+14155552671');
    expect(mail!.text).toContain(`/admin/content-manager/collection-types/api::inquiry.inquiry/${stored.documentId}`);
  });

  it('by documentId works too, and a message is optional', async () => {
    const data = person();
    await ask(programs.open.documentId, data).expect(201);
    expect(await inquiriesOf(data.email as string)).toEqual([expect.objectContaining({ message: null, phone: null })]);
  });

  it.each([
    ['full (every seat taken)', 'full'],
    ['with enrollment set to waitlist', 'waitlist'],
  ] as const)('of a program %s puts the person on its waiting list', async (_label, key) => {
    const data = person({ message: 'Can I join halfway through the term?' });
    const res = await ask(programs[key].slug, data).expect(201);
    expect(res.body.data).toMatchObject({ state: 'waiting-list', waitingList: true, message: expect.stringMatching(/waiting list/) });
    expect(await inquiriesOf(data.email as string)).toEqual([expect.objectContaining({ waitingList: true })]);
    const mail = await mailAbout(data.email as string);
    expect(subjectOf(mail!.raw)).toBe(`Waiting list: "${programs[key].title}"`);
  });

  it('in crisis: the answer carries support at once, the inquiry is urgent and the email says so (never the words in the subject)', async () => {
    const data = person({ message: CRISIS });
    const res = await ask(programs.open.slug, data).expect(201);
    const { support } = res.body.data;
    expect(support.resources).toEqual(expect.arrayContaining([expect.objectContaining({ phone: '988' })]));
    expect(support.emergency.phone).toBe('911');
    expect(JSON.stringify(res.body)).not.toContain('better off');
    expect(await inquiriesOf(data.email as string)).toEqual([expect.objectContaining({ urgent: true, handling: 'new' })]);
    const mail = await mailAbout(data.email as string);
    expect(subjectOf(mail!.raw)).toBe(`Urgent: Inquiry: "${programs.open.title}"`);
    expect(subjectOf(mail!.raw)).not.toMatch(/point|better off/);
    expect(mail!.text).toMatch(/URGENT: the message reads as a possible crisis \(it has crisis language\)/);
  });

  it('an ordinary question gets no support object and is not urgent', async () => {
    const data = person({ message: 'Can I join halfway through the term?' });
    const res = await ask(programs.open.slug, data).expect(201);
    expect(res.body.data.support).toBeUndefined();
    expect(await inquiriesOf(data.email as string)).toEqual([expect.objectContaining({ urgent: false })]);
  });
});

describe('bad input', () => {
  it.each([
    ['name', { name: '' }],
    ['name', { name: 'x'.repeat(101) }],
    ['email', { email: 'not-an-address' }],
    ['phone', { phone: '12' }],
    ['phone', { phone: '555-0000-999999' }],
    ['preferredContact', { preferredContact: 'fax' }],
    ['phone', { preferredContact: 'phone' }],
    ['message', { message: 'x'.repeat(1001) }],
    ['message', { message: 42 }],
    ['consent', { consent: false }],
    ['consent', { consent: 'yes' }],
    ['consent', { consent: undefined }],
    ['urgent', { urgent: true }],
    ['waitingList', { waitingList: true }],
    ['status', { status: 'handled' }],
    ['handling', { handling: 'handled' }],
    ['extra', { extra: 1 }],
  ])('a bad %s is a 400 naming it, and nothing is stored or emailed', async (field, change) => {
    const before = await count();
    const data = { ...person(), ...change };
    const res = await ask(programs.open.slug, data).expect(400);
    expect(res.body.error.details.errors[0].path).toEqual([field]);
    expect(res.body.error.message).toContain(field);
    expect(await count()).toBe(before);
    expect(await smtp.waitFor((mail) => mail.text.includes(String(data.email)), 300)).toBeUndefined();
  });

  it('a missing consent names the sentence the person must agree to', async () => {
    const res = await ask(programs.open.slug, { ...person(), consent: undefined }).expect(400);
    expect(res.body.error.message).toContain(consentSentence().sentence);
  });

  it('a body without the data envelope is a 400', async () => {
    const before = await count();
    const res = await app.http().post(`/api/group-programs/${programs.open.slug}/inquiries`).send(person()).expect(400);
    expect(res.body.error.details.errors[0].path).toEqual(['data']);
    expect(await count()).toBe(before);
  });

  it.each([
    ['an unknown program', () => 'no-such-group'],
    ['an unpublished program', () => programs.draft.slug],
  ])('about %s is a 404, nothing stored', async (_label, slug) => {
    const before = await count();
    await ask(slug(), person()).expect(404);
    expect(await count()).toBe(before);
  });

  it('a form-encoded body is a 415 (JSON only), nothing stored', async () => {
    const before = await count();
    await app.http().post(`/api/group-programs/${programs.open.slug}/inquiries`).type('form').send('name=Jo&email=jo%40example.com&consent=true').expect(415);
    expect(await count()).toBe(before);
  });
});

describe('abuse', () => {
  it('a filled-in honeypot gets the ordinary answer, and nothing is stored or emailed', async () => {
    const before = await count();
    const data = person({ website: 'https://cheap-pills.example' });
    const res = await ask(programs.open.slug, data).expect(201);
    expect(res.body.data.state).toBe('received');
    expect(await count()).toBe(before);
    expect(await smtp.waitFor((mail) => mail.text.includes(data.email as string), 500)).toBeUndefined();
  });

  it('flood control: INQUIRIES_PER_HOUR per connection, then 429 with Retry-After; refused input does not count', async () => {
    const ip = '198.18.0.9';
    await ask(programs.open.slug, { ...person(), email: 'nope' }, ip).expect(400);
    for (let i = 0; i < 3; i += 1) await ask(programs.open.slug, person(), ip).expect(201);
    const before = await count();
    const refused = await ask(programs.open.slug, person(), ip).expect(429);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect(await count()).toBe(before);
    await ask(programs.open.slug, person(), '198.18.0.10').expect(201);
  });
});

describe('who sees inquiries', () => {
  let documentId: string;
  const tokens: Record<string, string> = {};
  const as = (role: string) => withToken(app, () => tokens[role]);

  beforeAll(async () => {
    const data = person({ message: 'Who sees this?' });
    await ask(programs.open.slug, data).expect(201);
    documentId = (await inquiriesOf(data.email as string))[0].documentId;
    for (const code of ['strapi-front-office', 'strapi-editor', 'strapi-author', 'strapi-moderator']) tokens[code] = await adminUserToken(app, code, `${code}@practice.example`, 'Role-pass-123');
    tokens.super = await adminToken(app);
  }, 120_000);

  it('the Front office reads them and marks one handled (the time is recorded); nothing else', async () => {
    const list = await as('strapi-front-office').get(`${CM}/${INQUIRY}?page=1&pageSize=100`).expect(200);
    expect(list.body.results.map((row: { documentId: string }) => row.documentId)).toContain(documentId);
    const one = await as('strapi-front-office').get(`${CM}/${INQUIRY}/${documentId}`).expect(200);
    expect(one.body.data).toMatchObject({ message: 'Who sees this?', handling: 'new' });

    const before = Date.now();
    await as('strapi-front-office').put(`${CM}/${INQUIRY}/${documentId}`).send({ handling: 'handled', name: 'Rewritten', message: 'Rewritten' }).expect(200);
    const after = Date.now();
    const handled = await app.strapi.db.query(INQUIRY).findOne({ where: { documentId } });
    expect(handled).toMatchObject({ handling: 'handled', name: 'Jordan Lee', message: 'Who sees this?' });
    // Stamped while the request was handled (bracketed by the test's own clock, to the second SQLite keeps).
    const handledAt = new Date(handled.handledAt).getTime();
    expect(handledAt).toBeGreaterThanOrEqual(before - 1000);
    expect(handledAt).toBeLessThanOrEqual(after + 1000);

    await as('strapi-front-office').delete(`${CM}/${INQUIRY}/${documentId}`).expect(403);
    await as('strapi-front-office').post(`${CM}/${INQUIRY}`).send({ name: 'X', email: 'x@example.com', consentVersion: '1' }).expect(403);
    for (const uid of ['api::comment.comment', 'api::article.article', 'api::data-request.data-request']) await as('strapi-front-office').get(`${CM}/${uid}`).expect(403);
    // Programs it reads (for the meeting link it sends), never changes: tests/integration/meeting-link.test.ts.
    await as('strapi-front-office').get(`${CM}/${PROGRAM}`).expect(200);
    expect(await app.strapi.db.query(INQUIRY).count({ where: { documentId } })).toBe(1);
  });

  it('Editor, Author and Moderator are refused, also through a program', async () => {
    for (const role of ['strapi-editor', 'strapi-author', 'strapi-moderator']) {
      await as(role).get(`${CM}/${INQUIRY}`).expect(403);
      await as(role).get(`${CM}/${INQUIRY}/${documentId}`).expect(403);
      await as(role).put(`${CM}/${INQUIRY}/${documentId}`).send({ handling: 'new' }).expect(403);
    }
    const related = await as('strapi-editor').get(`/content-manager/relations/${PROGRAM}/${programs.open.documentId}/inquiries`);
    expect(related.status).not.toBe(200);
    expect(JSON.stringify(related.body)).not.toContain('Who sees this?');
    const program = await as('strapi-editor').get(`${CM}/${PROGRAM}/${programs.open.documentId}`).expect(200);
    expect(program.body.data).not.toHaveProperty('inquiries');
  });

  it('a website never sees them: no public route reads them, and a program never shows them', async () => {
    expect([403, 404]).toContain((await app.http().get('/api/inquiries')).status);
    expect([403, 404, 405]).toContain((await app.http().get(`/api/group-programs/${programs.open.slug}/inquiries`)).status);
    const program = await app.http().get(`/api/group-programs/${programs.open.slug}`).expect(200);
    expect(JSON.stringify(program.body)).not.toMatch(/inquir|Who sees this/);
    const populated = await app.http().get(`/api/group-programs/${programs.open.slug}?populate=inquiries`);
    expect(JSON.stringify(populated.body)).not.toContain('Who sees this?');
  });
});

describe("readers' rights", () => {
  it('the export includes their inquiries and the erasure deletes them (and only theirs)', async () => {
    const reader = await verifiedReader(app, smtp, 'inquirer');
    await ask(programs.full.slug, person({ email: reader.email, message: 'My question about the anxiety group.' })).expect(201);
    const other = person();
    await ask(programs.open.slug, other).expect(201);

    await app.http().post('/api/commenters/export').set('X-Forwarded-For', nextIp()).send({ commenterToken: reader.token }).expect(202);
    const exported = await app.http().get(await linkIn(smtp, reader.email, '/api/commenters/export/download')).expect(200);
    expect(exported.body.data.inquiries).toEqual([
      expect.objectContaining({
        email: reader.email,
        message: 'My question about the anxiety group.',
        waitingList: true,
        handling: 'new',
        program: { documentId: programs.full.documentId, title: programs.full.title, slug: programs.full.slug },
      }),
    ]);
    expect(exported.body.data.inquiries[0]).not.toHaveProperty('id');

    await app.http().post('/api/commenters/erase').set('X-Forwarded-For', nextIp()).send({ commenterToken: reader.token }).expect(202);
    const erased = await app.http().get(await linkIn(smtp, reader.email, '/api/commenters/erase/confirm')).expect(200);
    expect(erased.body.data.erased).toBe(true);
    expect(await inquiriesOf(reader.email)).toEqual([]);
    expect(await inquiriesOf(other.email as string)).toHaveLength(1);
    const entry = (await app.strapi.db.query('api::data-request.data-request').findMany({ where: { kind: 'erase' } })).at(-1);
    expect(entry.result).toMatchObject({ inquiries: 1 });
  });

  it('inquiries older than INQUIRY_RETENTION_DAYS are purged by the nightly task, newer ones stay', async () => {
    const old = person();
    const recent = person();
    await ask(programs.open.slug, old).expect(201);
    await ask(programs.open.slug, recent).expect(201);
    const longAgo = new Date(Date.now() - 31 * 24 * 3600 * 1000);
    await app.strapi.db.query(INQUIRY).updateMany({ where: { email: old.email }, data: { createdAt: longAgo } });

    await cronTasks.purgeExpiredInquiries.task({ strapi: app.strapi });
    expect(await inquiriesOf(old.email as string)).toEqual([]);
    expect(await inquiriesOf(recent.email as string)).toHaveLength(1);
    expect(cronTasks.purgeExpiredInquiries.options.rule).toMatch(/^\d+ \d+ \* \* \*$/);
  });
});
