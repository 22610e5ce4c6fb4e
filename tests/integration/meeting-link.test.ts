import { adminUserToken, withToken } from '../helpers/auth';
import { programData } from '../helpers/content';
import { startStrapi, type TestApp } from '../helpers/strapi';

/**
 * A program's private meeting link, in the admin panel: an Editor sets it (https only, 400 naming the field
 * otherwise, nothing stored), the Front office reads it and cannot change it, Authors and Moderators never see it;
 * the public answer of the program leaves it out. (Every other public route: tests/integration/canary.test.ts.)
 */
const PROGRAM = 'api::group-program.group-program';
const CM = `/content-manager/collection-types/${PROGRAM}`;
const LINK = 'https://meet.example/private-room-4821';
let app: TestApp;
const tokens: Record<string, string> = {};
const as = (role: string) => withToken(app, () => tokens[role]);
let documentId: string;

beforeAll(async () => {
  app = await startStrapi({ RESPONSE_CACHE: 'false' });
  for (const role of ['strapi-editor', 'strapi-front-office', 'strapi-author', 'strapi-moderator']) {
    tokens[role] = await adminUserToken(app, role, `${role}.meeting@practice.example`, 'Role-pass-123');
  }
  const program = await app.strapi.documents(PROGRAM).create({ data: { ...programData('Online Anxiety Circle'), format: 'online' } as never, status: 'published' });
  documentId = program.documentId;
}, 180_000);
afterAll(async () => {
  await app?.stop();
});

it('an Editor sets the link and publishes it; the public answer of the program leaves it out', async () => {
  await as('strapi-editor').put(`${CM}/${documentId}`).send({ meetingUrl: LINK }).expect(200);
  await as('strapi-editor').post(`${CM}/${documentId}/actions/publish`).send({}).expect(200);
  expect((await app.strapi.documents(PROGRAM).findOne({ documentId, status: 'published' }))?.meetingUrl).toBe(LINK);
  const res = await app.http().get('/api/group-programs/online-anxiety-circle').expect(200);
  expect(res.body.data.title).toBe('Online Anxiety Circle');
  expect(res.body.data).not.toHaveProperty('meetingUrl');
  expect(res.text).not.toContain('private-room-4821');
});

it.each(['http://meet.example/room', 'meet.example/room', `https://meet.example/${'a'.repeat(500)}`, 'https://meet.example/a room'])(
  'an Editor\'s %s is a 400 naming meetingUrl, nothing stored',
  async (meetingUrl) => {
    const res = await as('strapi-editor').put(`${CM}/${documentId}`).send({ meetingUrl });
    expect(res.status).toBe(400);
    expect(res.body.error.details.errors.map((error: { path: string[] }) => error.path.join('.'))).toContain('meetingUrl');
    expect((await app.strapi.documents(PROGRAM).findOne({ documentId }))?.meetingUrl).toBe(LINK);
  }
);

it('an Editor\'s duplicate with a bad link is a 400 naming meetingUrl, and no copy is made', async () => {
  const count = () => app.strapi.db.query(PROGRAM).count({});
  const before = await count();
  const res = await as('strapi-editor').post(`${CM}/clone/${documentId}`).send({ title: 'Online Anxiety Circle (copy)', slug: 'online-anxiety-circle-copy', meetingUrl: 'http://meet.example/room' });
  expect(res.status).toBe(400);
  expect(res.body.error.details.errors.map((error: { path: string[] }) => error.path.join('.'))).toContain('meetingUrl');
  expect(await count()).toBe(before);
  await as('strapi-editor').post(`${CM}/clone/${documentId}`).send({ title: 'Online Anxiety Circle (copy)', slug: 'online-anxiety-circle-copy', meetingUrl: LINK }).expect(200);
  expect(await count()).toBeGreaterThan(before);
});

it('the Front office reads the link and cannot change it, nor the program', async () => {
  const one = await as('strapi-front-office').get(`${CM}/${documentId}`).expect(200);
  expect(one.body.data).toMatchObject({ title: 'Online Anxiety Circle', format: 'online', meetingUrl: LINK });
  const list = await as('strapi-front-office').get(CM).expect(200);
  expect(list.body.results.find((row: { documentId: string }) => row.documentId === documentId)).toMatchObject({ title: 'Online Anxiety Circle' });
  await as('strapi-front-office').put(`${CM}/${documentId}`).send({ meetingUrl: 'https://meet.example/other' }).expect(403);
  await as('strapi-front-office').post(`${CM}/${documentId}/actions/publish`).send({}).expect(403);
  expect((await app.strapi.documents(PROGRAM).findOne({ documentId }))?.meetingUrl).toBe(LINK);
});

it('Authors and Moderators never see it', async () => {
  for (const role of ['strapi-author', 'strapi-moderator']) {
    const res = await as(role).get(`${CM}/${documentId}`);
    expect(res.status).toBe(403);
    expect(res.text).not.toContain('private-room-4821');
  }
});
