import { configureAdminViews } from '../../src/bootstrap/admin-views';
import { partialInput } from '../helpers/content';
import { ensureAdminRoles } from '../../src/bootstrap/ensure-admin-roles';
import { adminToken, adminUserToken } from '../helpers/auth';
import { startStrapi, type TestApp } from '../helpers/strapi';

let app: TestApp;
let superToken: string;

const configuration = async (path: string) =>
  (await app.http().get(`/content-manager/${path}/configuration`).set('Authorization', `Bearer ${superToken}`).expect(200)).body.data;

beforeAll(async () => {
  app = await startStrapi();
  superToken = await adminToken(app);
});
afterAll(async () => {
  await app?.stop();
});

describe('Content Manager views as code', () => {
  it('lists programs by title, kind, schedule, enrollment and cancellation, with editor help text', async () => {
    const { contentType } = await configuration('content-types/api::group-program.group-program');
    expect(contentType.layouts.list).toEqual(['title', 'kind', 'scheduleSummary', 'enrollmentStatus', 'cancelled']);
    expect(contentType.metadatas.kind.edit.description).toMatch(/Support group: ongoing/);
    expect(contentType.metadatas.scheduleSummary.edit.editable).toBe(false);
    const rows = contentType.layouts.edit.map((row: Array<{ name: string }>) => row.map((field) => field.name));
    expect(rows).toContainEqual(['enrollmentStatus', 'capacity', 'seatsTaken']);
    expect(rows).toContainEqual(['schedule']);
  });

  it('groups the schedule fields and explains them', async () => {
    const { components } = await configuration('content-types/api::group-program.group-program');
    const schedule = components['program.schedule'];
    expect(schedule.metadatas.sessionCount.edit).toMatchObject({ label: 'Session count', description: 'For group therapy, e.g. 8.' });
    expect(schedule.layouts.edit.map((row: Array<{ name: string }>) => row.map((field) => field.name))).toContainEqual(['ends', 'sessionCount', 'endDate']);
  });

  it('labels article fields for editors', async () => {
    const { contentType } = await configuration('content-types/api::article.article');
    expect(contentType.metadatas.relatedPrograms.edit.label).toBe('Related group programs');
    expect(contentType.layouts.list).toEqual(['title', 'topics', 'authorName', 'updatedAt']);
  });

  it('is applied idempotently', async () => {
    await configureAdminViews(app.strapi);
    await configureAdminViews(app.strapi);
    const { contentType } = await configuration('content-types/api::comment.comment');
    expect(contentType.layouts.list).toEqual(['moderationStatus', 'priority', 'authorName', 'article', 'flagSummary', 'createdAt']);
  });
});

describe('the schedule as readers see it', () => {
  it('is written on every save of a program', async () => {
    const program = await app.strapi.documents('api::group-program.group-program').create({
      data: partialInput<'api::group-program.group-program'>({
        title: 'Summary Group',
        kind: 'group-therapy',
        summary: 'x',
        format: 'online',
        enrollmentStatus: 'open',
        cancelled: false,
        schedule: { timezone: 'America/New_York', firstSessionDate: '2027-01-04', startTime: '17:30:00.000', durationMinutes: 90, repeats: 'weekly', ends: 'after-sessions', sessionCount: 8 },
      }),
    });
    expect(program.scheduleSummary).toBe('Every Monday, 5:30–7:00 pm, 8 sessions');
  });
});

describe('the Editor admin role', () => {
  let editorToken: string;
  beforeAll(async () => {
    editorToken = await adminUserToken(app, 'strapi-editor', 'editor@practice.example', 'Editor-pass-123');
  });

  it('writes and publishes articles and programs', async () => {
    const created = await app
      .http()
      .post('/content-manager/collection-types/api::article.article')
      .set('Authorization', `Bearer ${editorToken}`)
      .send({ title: 'Sleep and anxiety', body: 'Text.' })
      .expect(201);
    await app
      .http()
      .post(`/content-manager/collection-types/api::article.article/${created.body.data.documentId}/actions/publish`)
      .set('Authorization', `Bearer ${editorToken}`)
      .send({})
      .expect(200);
    await app.http().get(`/api/articles/${created.body.data.slug}`).expect(200);
    await app.http().get('/content-manager/collection-types/api::group-program.group-program').set('Authorization', `Bearer ${editorToken}`).expect(200);
  });

  it('keeps its permissions when ensured again', async () => {
    const count = () => app.strapi.db.query('admin::permission').count({ where: { role: { code: 'strapi-editor' } } });
    const before = await count();
    await ensureAdminRoles(app.strapi);
    expect(await count()).toBe(before);
  });
});
