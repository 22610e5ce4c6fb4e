import { adminUserToken } from '../helpers/auth';
import { startStrapi, type TestApp } from '../helpers/strapi';

/** The editors' schedule panel's admin routes: permissions, the preview of a schedule, the next term. */
let app: TestApp;
let editor: string;
let moderator: string;
const PROGRAM = 'api::group-program.group-program';
const as = (token: string, path: string) => app.http().post(path).set('Authorization', `Bearer ${token}`);

const autumn = {
  timezone: 'America/New_York',
  firstSessionDate: '2030-10-03',
  startTime: '18:00',
  durationMinutes: 90,
  repeats: 'weekly',
  ends: 'after-sessions',
  sessionCount: 8,
  skippedDates: [],
};

beforeAll(async () => {
  app = await startStrapi({ HOLIDAYS_COUNTRY: 'US' });
  editor = await adminUserToken(app, 'strapi-editor', 'panel.editor@practice.example', 'Editor-pass-123');
  moderator = await adminUserToken(app, 'strapi-moderator', 'panel.moderator@practice.example', 'Moderator-pass-1');
});
afterAll(async () => {
  await app?.stop();
});

describe('POST /schedule-panel/preview', () => {
  it('is for editors: 401 without a login, 403 for a Moderator', async () => {
    await app.http().post('/schedule-panel/preview').send({ schedule: autumn }).expect(401);
    await as(moderator, '/schedule-panel/preview').send({ schedule: autumn }).expect(403);
  });

  it('answers the sessions of the form’s schedule, with Thanksgiving and the clock change as warnings', async () => {
    const res = await as(editor, '/schedule-panel/preview').send({ kind: 'group-therapy', schedule: autumn }).expect(200);
    const panel = res.body.data;
    expect(panel.summary).toMatch(/^Every Thursday, 6:00–7:30 pm/);
    expect(panel.sessions.map((session: { date: string }) => session.date)).toEqual(['2030-10-03', '2030-10-10', '2030-10-17', '2030-10-24', '2030-10-31', '2030-11-07', '2030-11-14', '2030-11-21']);
    expect(panel.remaining).toBe(8);
    expect(panel.lastSession).toBe('2030-11-21');
    expect(panel.warnings.find((warning: { kind: string }) => warning.kind === 'dst').dates).toEqual([{ date: '2030-11-03', note: 'clocks go back one hour' }]);

    const later = await as(editor, '/schedule-panel/preview').send({ kind: 'group-therapy', schedule: { ...autumn, firstSessionDate: '2030-10-31' } }).expect(200);
    const holiday = later.body.data.warnings.find((warning: { kind: string }) => warning.kind === 'holiday');
    expect(holiday.dates).toEqual([{ date: '2030-11-28', note: 'Thanksgiving Day' }]);
    expect(holiday.fix.skippedDates).toEqual([{ date: '2030-11-28', reason: 'Thanksgiving Day' }]);
  });

  it('says what is missing instead of failing on a half-typed schedule, and refuses a malformed one', async () => {
    const res = await as(editor, '/schedule-panel/preview').send({ schedule: { ...autumn, sessionCount: null } }).expect(200);
    expect(res.body.data).toMatchObject({ complete: false, problems: [{ field: 'sessionCount' }] });
    const bad = await as(editor, '/schedule-panel/preview').send({ schedule: { ...autumn, durationMinutes: 'ninety' } }).expect(400);
    expect(JSON.stringify(bad.body.error)).toContain('durationMinutes');
  });
});

describe('POST /schedule-panel/next-term', () => {
  const create = async (kind: string) =>
    app.strapi.documents(PROGRAM).create({
      data: { title: `Anxiety skills ${kind}`, kind, summary: 'Eight weeks of skills.', format: 'online', topics: [], schedule: { ...autumn, startTime: '18:00:00.000' } } as never,
      status: 'published',
    });

  it('drafts the next term of a therapy group: the same weekday after the last session, same time and count', async () => {
    const program = await create('group-therapy');
    await as(moderator, '/schedule-panel/next-term').send({ documentId: program.documentId }).expect(403);
    const res = await as(editor, '/schedule-panel/next-term').send({ documentId: program.documentId }).expect(201);
    expect(res.body.data.firstSessionDate).toBe('2030-11-28');
    const copy = (await app.strapi.documents(PROGRAM).findOne({ documentId: res.body.data.documentId, status: 'draft', populate: { schedule: true } })) as unknown as {
      title: string;
      slug: string;
      publishedAt: string | null;
      schedule: { firstSessionDate: string; startTime: string; sessionCount: number };
    };
    expect(copy).toMatchObject({ title: 'Anxiety skills group-therapy', publishedAt: null, schedule: { firstSessionDate: '2030-11-28', sessionCount: 8 } });
    expect(copy.schedule.startTime).toMatch(/^18:00/);
    expect(copy.slug).not.toBe(program.slug);
    expect(await app.strapi.documents(PROGRAM).findOne({ documentId: res.body.data.documentId, status: 'published' })).toBeNull();

    const gap = await as(editor, '/schedule-panel/next-term').send({ documentId: program.documentId, gapWeeks: 2 }).expect(201);
    expect(gap.body.data.firstSessionDate).toBe('2030-12-12');
  });

  it('refuses a support group, an unknown program and bad input, naming the field', async () => {
    const program = await create('support-group');
    const refused = await as(editor, '/schedule-panel/next-term').send({ documentId: program.documentId }).expect(400);
    expect(refused.body.error.message).toMatch(/group-therapy/);
    await as(editor, '/schedule-panel/next-term').send({ documentId: 'nosuchprogram' }).expect(404);
    const bad = await as(editor, '/schedule-panel/next-term').send({ documentId: program.documentId, gapWeeks: -1 }).expect(400);
    expect(JSON.stringify(bad.body.error)).toContain('gapWeeks');
  });
});
