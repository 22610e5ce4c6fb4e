import { seedDemoContent } from '../../src/seed/demo-content';
import { adminUserToken, fullAccessApiToken } from '../helpers/auth';
import { programData } from '../helpers/content';
import { startStrapi, type TestApp } from '../helpers/strapi';

/**
 * Schedule dates stay within a range (first session at most 5 years ago, last at most 10 years ahead), and a
 * program whose schedule was stored past validation never takes a list down: it is left out of the feed, calendars
 * and event data, logged, and its Sessions panel says why; every public route keeps answering with the others.
 */
let app: TestApp;
const PROGRAM = 'api::group-program.group-program';
const WINDOW = 'from=2027-01-01&to=2027-03-01';
type Program = { documentId: string; slug: string };
let healthy: Program;
let broken: Program;
let article: { slug: string };
const warnings: string[] = [];

const programs = () => app.strapi.documents(PROGRAM);
const createProgram = (title: string, schedule: Record<string, unknown> = {}, extra: Record<string, unknown> = {}) =>
  programs().create({ data: { ...programData(title), ...extra, schedule: { ...programData(title).schedule, ...schedule } } as never, status: 'published' }) as Promise<unknown> as Promise<Program>;

beforeAll(async () => {
  app = await startStrapi({ RESPONSE_CACHE: 'false' });
  await seedDemoContent(app.strapi);
  const grief = await app.strapi.documents('api::topic.topic').findFirst({ filters: { slug: 'grief' } });
  healthy = await createProgram('Healthy weekly group', {}, { topics: [grief!.documentId] });
  broken = await createProgram('Weekly group until 2300', {}, { topics: [grief!.documentId] });
  article = (await app.strapi.documents('api::article.article').create({ data: { title: 'Living with grief', body: 'Text.', topics: [grief!.documentId] } as never, status: 'published' })) as unknown as {
    slug: string;
  };
  // Past validation, as an older release or a script could have stored it: the schedule of both versions ends in 2300.
  const rows = (await app.strapi.db.query(PROGRAM).findMany({ where: { documentId: broken.documentId }, populate: { schedule: true } })) as Array<{ schedule: { id: number } }>;
  for (const row of rows) await app.strapi.db.query('program.schedule').update({ where: { id: row.schedule.id }, data: { ends: 'on-date', endDate: '2300-01-06' } });
  const warn = app.strapi.log.warn.bind(app.strapi.log);
  app.strapi.log.warn = ((message: unknown, ...rest: unknown[]) => {
    warnings.push(String(message));
    return warn(message as string, ...(rest as []));
  }) as typeof app.strapi.log.warn;
});
afterAll(async () => {
  await app?.stop();
});

describe('the date range of a schedule', () => {
  it('refuses a weekly program ending in 2300 on every create path, naming schedule.endDate', async () => {
    const refused = await createProgram('Too long a group', { ends: 'on-date', endDate: '2300-01-06' }).catch((error) => error);
    expect(refused.details.errors).toEqual([{ path: ['schedule', 'endDate'], message: expect.stringMatching(/^The end date must be on or before \d{4}-\d\d-\d\d \(at most 10 years ahead\)$/), name: 'ValidationError' }]);
    const token = await fullAccessApiToken(app.strapi);
    const data = { ...programData('Too long by REST'), schedule: { ...programData('x').schedule, ends: 'on-date', endDate: '2300-01-06' } };
    const res = await app.http().post('/api/group-programs').set('Authorization', `Bearer ${token}`).send({ data }).expect(400);
    expect(res.body.error.details.errors.map((error: { path: string[] }) => error.path)).toEqual([['schedule', 'endDate']]);
  });

  it('refuses a first session more than 5 years ago', async () => {
    const refused = await createProgram('Since long ago', { firstSessionDate: '2001-01-02' }).catch((error) => error);
    expect(refused.details.errors[0]).toMatchObject({ path: ['schedule', 'firstSessionDate'], message: expect.stringMatching(/at most 5 years ago/) });
  });
});

describe('a program whose schedule was stored past validation', () => {
  const slugsOf = (body: { data: Array<{ slug: string }> }) => body.data.map((item) => item.slug);

  it('is left out of the feed, which lists the others', async () => {
    const res = await app.http().get(`/api/group-programs/upcoming?${WINDOW}`).expect(200);
    expect(slugsOf(res.body)).toContain(healthy.slug);
    expect(slugsOf(res.body)).not.toContain(broken.slug);
    expect(res.body.meta.pagination.total).toBe(res.body.data.length);
    const topic = await app.http().get(`/api/group-programs/upcoming?${WINDOW}&topic=grief`).expect(200);
    expect(slugsOf(topic.body)).toContain(healthy.slug);
    expect(slugsOf(topic.body)).not.toContain(broken.slug);
  });

  it('is left out of the calendars, which keep answering', async () => {
    const all = await app.http().get(`/api/group-programs/upcoming.ics?${WINDOW}`).expect(200);
    expect(all.text).toContain(`UID:${healthy.documentId}@`);
    expect(all.text).not.toContain(broken.documentId);
    const own = await app.http().get(`/api/group-programs/${broken.slug}/calendar.ics`).expect(200);
    expect(own.text).toContain('BEGIN:VCALENDAR');
    expect(own.text).not.toContain('BEGIN:VEVENT');
  });

  it('keeps its page, without event data, in the program list and by slug', async () => {
    const list = await app.http().get('/api/group-programs?pagination[pageSize]=100&include=jsonLd').expect(200);
    const bySlug = new Map(list.body.data.map((program: { slug: string }) => [program.slug, program]));
    expect(bySlug.get(healthy.slug)).toHaveProperty('jsonLd');
    expect(bySlug.get(broken.slug)).not.toHaveProperty('jsonLd');
    const page = await app.http().get(`/api/group-programs/${broken.slug}`).expect(200);
    expect(page.body.data).toMatchObject({ slug: broken.slug, schedule: { endDate: '2300-01-06' } });
    expect(page.body.data).not.toHaveProperty('jsonLd');
  });

  it('is left out of the programs under an article; the article, topics and sitemap answer', async () => {
    const res = await app.http().get(`/api/articles/${article.slug}`).expect(200);
    const listed = res.body.data.upcomingPrograms.map((program: { slug: string }) => program.slug);
    expect(listed).toContain(healthy.slug);
    expect(listed).not.toContain(broken.slug);
    await app.http().get('/api/articles').expect(200);
    await app.http().get('/api/topics?populate=groupPrograms').expect(200);
    const sitemap = await app.http().get('/api/sitemap.xml').expect(200);
    expect(sitemap.text).toContain(healthy.slug);
  });

  it('is logged once, by title, with the reason', () => {
    const logged = warnings.filter((message) => message.includes('Weekly group until 2300'));
    expect(logged).toEqual([expect.stringMatching(/is left out of the feed, calendars and event data: .*from 2027-01-05 to 2300-01-06, more than 15 years/)]);
  });

  it('is flagged in its Sessions panel: why it is left out, and the date to fix', async () => {
    const editor = await adminUserToken(app, 'strapi-editor', 'broken.editor@practice.example', 'Editor-pass-123');
    const { schedule } = (await programs().findOne({ documentId: broken.documentId, status: 'published', populate: { schedule: true } })) as unknown as { schedule: Record<string, unknown> };
    const { id: _id, ...form } = schedule;
    const res = await app
      .http()
      .post('/schedule-panel/preview')
      .set('Authorization', `Bearer ${editor}`)
      .send({ kind: 'support-group', documentId: broken.documentId, schedule: form })
      .expect(200);
    expect(res.body.data).toMatchObject({ complete: false, problems: [{ field: 'endDate', message: expect.stringMatching(/on or before/) }], leftOut: expect.stringMatching(/more than 15 years/) });
    const fine = await app.http().post('/schedule-panel/preview').set('Authorization', `Bearer ${editor}`).send({ documentId: healthy.documentId, schedule: form }).expect(200);
    expect(fine.body.data.leftOut).toBeNull();
  });
});
