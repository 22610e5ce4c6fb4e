import { seedDemoContent } from '../../src/seed/demo-content';
import { SEED_ARTICLE } from '../../src/seed/seed-article';
import { ARTICLE_ES } from '../../src/seed/demo-es';
import { fullAccessApiToken } from '../helpers/auth';
import { programData } from '../helpers/content';
import { startStrapi, type TestApp } from '../helpers/strapi';

/**
 * A plain public read (a page, or one document by slug or documentId, with the default populate) is answered from
 * the query engine (`src/utils/public-query/lean-read.ts`). It must be the answer Strapi's core controller gives:
 * each one is compared with the same read made to go the core way (a list with a filter every published document
 * passes, one document with the full-access API token), on
 * content with media, components, relations, a private field, an unpublished edit and a draft-only related
 * program.
 */
let app: TestApp;
let apiToken: string;
const PROGRAM = 'api::group-program.group-program';
const ARTICLE = 'api::article.article';
/** A filter every published document passes: the read goes through the core controller. */
const CORE = 'filters[slug][$notNull]=true';

beforeAll(async () => {
  app = await startStrapi({ COMMENT_FLOOD_CONTROL: 'false', RESPONSE_CACHE: 'false' });
  await seedDemoContent(app.strapi);
  apiToken = await fullAccessApiToken(app.strapi);
  const file = await app.strapi.db.query('plugin::upload.file').create({
    data: { name: 'circle.jpg', hash: 'circle', ext: '.jpg', mime: 'image/jpeg', size: 12.5, url: '/uploads/circle.jpg', provider: 'local', width: 1600, height: 900, folderPath: '/private-folder', formats: { thumbnail: { url: '/uploads/thumbnail_circle.jpg', width: 245, height: 138 } } },
  });
  const program = await app.strapi.documents(PROGRAM).findFirst({ filters: { slug: 'grief-support-group' } });
  await app.strapi.documents(PROGRAM).update({ documentId: program!.documentId, data: { image: file.id, meetingUrl: 'https://meet.example/LEAN-CANARY-room' } as never });
  await app.strapi.documents(PROGRAM).publish({ documentId: program!.documentId });
  // An unpublished edit: the public answer keeps the published title.
  await app.strapi.documents(PROGRAM).update({ documentId: program!.documentId, data: { title: 'LEAN-CANARY unpublished title' } as never });
  // A draft-only program related to the published article, and a draft-only program on its own.
  const draft = await app.strapi.documents(PROGRAM).create({ data: programData('LEAN-CANARY draft program') as never });
  const article = await app.strapi.documents(ARTICLE).findFirst({ filters: { slug: SEED_ARTICLE.slug }, populate: { relatedPrograms: true } });
  const related = (article!.relatedPrograms as Array<{ documentId: string }>).map((item) => item.documentId);
  await app.strapi.documents(ARTICLE).update({ documentId: article!.documentId, data: { cover: file.id, relatedPrograms: [...related, draft.documentId] } as never });
  await app.strapi.documents(ARTICLE).publish({ documentId: article!.documentId });
});
afterAll(async () => {
  await app?.stop();
});

/** The body and the number of SQL queries of one read (public, or with the full-access API token). */
const read = async (path: string, { status = 200, token = false, headers = {} as Record<string, string> } = {}) => {
  let queries = 0;
  const counted = () => {
    queries += 1;
  };
  app.strapi.db.connection.on('query', counted);
  try {
    const request = app.http().get(path).set(headers);
    const response = await (token ? request.set('Authorization', `Bearer ${apiToken}`) : request).expect(status);
    return { body: response.body, queries };
  } finally {
    app.strapi.db.connection.off('query', counted);
  }
};

/**
 * The same read made to go the core way: a list with a filter every published document passes; one document with
 * the full-access API token (its default status is published too, and its sanitiser keeps what the public's does).
 */
const viaCore = (path: string) =>
  /^\/api\/[a-z-]+\/[^/?]+(\?locale=[a-z]+)?$/.test(path) ? read(path, { token: true }) : read(`${path}${path.includes('?') ? '&' : '?'}${CORE}`);

describe.each([
  '/api/group-programs',
  '/api/group-programs?pagination[page]=2&pagination[pageSize]=2',
  '/api/group-programs?pagination[pageSize]=1000',
  '/api/group-programs?pagination[page]=40',
  '/api/group-programs?sort=title:desc',
  '/api/group-programs?sort[0]=kind&sort[1]=title:desc',
  '/api/group-programs?include=jsonLd,calendarLinks',
  '/api/group-programs/grief-support-group',
  `/api/articles`,
  `/api/articles/${SEED_ARTICLE.slug}`,
  '/api/topics?sort=name',
  '/api/topics/grief',
  // The Spanish versions (the default locale's are above).
  '/api/group-programs?locale=es',
  '/api/group-programs/grupo-de-apoyo-en-el-duelo?locale=es',
  `/api/articles?locale=es`,
  `/api/articles/${ARTICLE_ES.slug}?locale=es`,
  '/api/topics/duelo?locale=es',
])('%s', (path) => {
  it('answers as the core controller does, with fewer queries', async () => {
    // Once each first, so what either computes once (compiled schedules, permissions) is in neither count.
    await read(path);
    await viaCore(path);
    const lean = await read(path);
    const core = await viaCore(path);
    expect(lean.body).toEqual(core.body);
    expect(lean.queries).toBeLessThan(core.queries);
  });
});

it('reads a program by documentId like by slug, and shows neither unpublished edits nor drafts', async () => {
  const bySlug = await read('/api/group-programs/grief-support-group');
  const byId = await read(`/api/group-programs/${bySlug.body.data.documentId}`);
  expect(byId.body).toEqual(bySlug.body);
  const everything = JSON.stringify([bySlug.body, (await read('/api/group-programs?pagination[pageSize]=100')).body, (await read(`/api/articles/${SEED_ARTICLE.slug}`)).body]);
  expect(everything).not.toContain('LEAN-CANARY');
  expect(everything).not.toContain('private-folder');
  expect(everything).not.toContain('meet.example');
  expect(bySlug.body.data.image).toMatchObject({ url: '/uploads/circle.jpg' });
  expect(bySlug.body.data.topics.length).toBeGreaterThan(0);
  expect(bySlug.body.data.schedule).toMatchObject({ timezone: expect.any(String) });
});

it('answers in the v4 response format when asked, as the core controller does', async () => {
  const headers = { 'Strapi-Response-Format': 'v4' };
  const lean = await read('/api/topics?sort=name', { headers });
  expect(lean.body).toEqual((await read(`/api/topics?sort=name&${CORE}`, { headers })).body);
  expect(lean.body.data[0].attributes).toMatchObject({ slug: expect.any(String) });
});

it('answers 404 with the core message for a draft-only or unknown program', async () => {
  for (const id of ['lean-canary-draft-program', 'no-such-program']) {
    const lean = await read(`/api/group-programs/${id}`, { status: 404 });
    expect(lean.body.error.message).toBe(`No group-program "${id}" is published.`);
  }
});

it('leaves out a relation the public role may not find, as the core controller does', async () => {
  const permission = await app.strapi.db.query('plugin::users-permissions.permission').findOne({
    where: { action: 'api::topic.topic.find', role: { type: 'public' } },
    populate: { role: true },
  });
  expect(permission).toBeTruthy();
  await app.strapi.db.query('plugin::users-permissions.permission').delete({ where: { id: permission.id } });
  try {
    const lean = await read('/api/group-programs');
    const core = await viaCore('/api/group-programs');
    expect(lean.body).toEqual(core.body);
    expect(lean.body.data[0].topics).toBeUndefined();
    expect(lean.body.data[0].facilitator).toBeDefined();
  } finally {
    await app.strapi.db.query('plugin::users-permissions.permission').create({ data: { action: permission.action, role: permission.role.id } });
  }
  expect((await read('/api/group-programs')).body.data[0].topics).toEqual(expect.any(Array));
});
