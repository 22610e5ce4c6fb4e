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

describe('POST /schedule-panel/preview with the form’s session changes', () => {
  const preview = (sessionChanges: unknown[]) => as(editor, '/schedule-panel/preview').send({ schedule: { ...autumn, sessionChanges } });
  type Listed = { date: string; status: string; sessionDate: string; previousStart?: string; reason?: string; extra?: boolean };

  it('lists each session with its status before saving, ignoring the rows the editor is still typing', async () => {
    const res = await preview([
      { __temp_key__: 'a0', kind: 'cancel', date: '2030-10-10', reason: 'The facilitator is ill' },
      { __temp_key__: 'a1', kind: 'move', date: '2030-10-17', newDate: '2030-10-18', startTime: '19:00:00.000', durationMinutes: null, location: 'Room 2' },
      { __temp_key__: 'a2', kind: 'extra', date: '2030-10-22' },
      { __temp_key__: 'a3', kind: 'move', date: '' },
      { __temp_key__: 'a4', kind: null, date: '2030-10-24' },
    ]).expect(200);
    const panel = res.body.data;
    expect(panel.problems).toEqual([]);
    const byDate = Object.fromEntries(panel.sessions.map((session: Listed) => [session.date, session]));
    expect(byDate['2030-10-03']).toMatchObject({ status: 'scheduled' });
    expect(byDate['2030-10-10']).toMatchObject({ status: 'cancelled', reason: 'The facilitator is ill' });
    expect(byDate['2030-10-17']).toBeUndefined();
    expect(byDate['2030-10-18']).toMatchObject({ status: 'moved', sessionDate: '2030-10-17', previousStart: '2030-10-17T22:00:00.000Z', location: 'Room 2' });
    expect(byDate['2030-10-22']).toMatchObject({ status: 'scheduled', extra: true });
    expect(byDate['2030-10-24']).toMatchObject({ status: 'scheduled' });
  });

  it('gives a bad change the same problem saving gives, on its row, and refuses a malformed one naming the field', async () => {
    const res = await preview([{ kind: 'move', date: null }, { kind: 'cancel', date: '2030-10-10' }]).expect(200);
    expect(res.body.data.problems).toEqual([{ field: 'sessionChanges.1.reason', message: 'Tell readers why this session is cancelled' }]);
    expect(res.body.data.sessions.length).toBeGreaterThan(0);
    const saving = app.strapi.documents(PROGRAM).create({
      data: { title: 'Cancelled without a reason', kind: 'group-therapy', summary: 'Eight weeks.', format: 'online', topics: [], schedule: { ...autumn, sessionChanges: [{ kind: 'cancel', date: '2030-10-10' }] } } as never,
    });
    await expect(saving).rejects.toThrow('Tell readers why this session is cancelled');
    const bad = await preview([{ kind: 'postpone', date: '2030-10-10' }]).expect(400);
    expect(JSON.stringify(bad.body.error)).toContain('kind must be cancel, move or extra');
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

  it('drafts the next term in each language the program is written in', async () => {
    const program = await create('group-therapy');
    await app.strapi.documents(PROGRAM).update({ documentId: program.documentId, locale: 'es', data: { title: 'Habilidades para la ansiedad', summary: 'Ocho semanas de habilidades.' } as never, status: 'published' });
    const res = await as(editor, '/schedule-panel/next-term').send({ documentId: program.documentId }).expect(201);
    const spanish = (await app.strapi.documents(PROGRAM).findOne({ documentId: res.body.data.documentId, locale: 'es', status: 'draft', populate: { schedule: true } })) as unknown as {
      title: string;
      slug: string;
      scheduleSummary: string;
      schedule: { firstSessionDate: string };
    };
    expect(spanish).toMatchObject({ title: 'Habilidades para la ansiedad', slug: 'habilidades-para-la-ansiedad-2', schedule: { firstSessionDate: '2030-11-28' } });
    expect(spanish.scheduleSummary).toMatch(/^Cada jueves, 18:00/);
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
