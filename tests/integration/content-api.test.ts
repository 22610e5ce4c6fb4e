import { seedDemoContent } from '../../src/seed/demo-content';
import { partialInput } from '../helpers/content';
import { SEED_ARTICLE } from '../../src/seed/seed-article';
import { startStrapi, type TestApp } from '../helpers/strapi';

let app: TestApp;
let seedArticleId: string;

beforeAll(async () => {
  app = await startStrapi();
  await seedDemoContent(app.strapi);
  const article = await app.strapi.documents('api::article.article').findFirst({ filters: { slug: SEED_ARTICLE.slug } });
  seedArticleId = article!.documentId;
});
afterAll(async () => {
  await app?.stop();
});

describe('the seed article over the public API', () => {
  it('is found by slug filter with topics, cover and related programs populated by default', async () => {
    const res = await app.http().get(`/api/articles?filters[slug][$eq]=${SEED_ARTICLE.slug}`).expect(200);
    expect(res.body.data).toHaveLength(1);
    const article = res.body.data[0];
    expect(article.title).toBe('What’s The Difference Between A Support Group And Group Therapy?');
    expect(article.topics.map((topic: { slug: string }) => topic.slug).sort()).toEqual(['depression', 'grief', 'substance-use']);
    expect(article.relatedPrograms).toHaveLength(4);
    expect(article).toHaveProperty('cover', null);
    expect(article.seo.metaTitle).toMatch(/support group or group therapy/i);
  });

  it('keeps its three sections and its call to action', async () => {
    const res = await app.http().get(`/api/articles/${SEED_ARTICLE.slug}`).expect(200);
    const { body } = res.body.data;
    expect(body).toContain('## Support Groups');
    expect(body).toContain('## Group Therapy');
    expect(body).toContain('## Support Group and Group Therapy Similarities');
    expect(body).toMatch(/SERVICES page.*upcoming programs/s);
  });

  it('is found by slug or documentId at /api/articles/:id, and 404s for anything else', async () => {
    const bySlug = await app.http().get(`/api/articles/${SEED_ARTICLE.slug}`).expect(200);
    const byId = await app.http().get(`/api/articles/${seedArticleId}`).expect(200);
    expect(bySlug.body.data.documentId).toBe(seedArticleId);
    expect(byId.body.data.slug).toBe(SEED_ARTICLE.slug);
    expect(byId.body.data.relatedPrograms).toHaveLength(4);
    await app.http().get('/api/articles/no-such-article').expect(404);
  });

  it('lets clients narrow populate', async () => {
    const res = await app.http().get(`/api/articles/${SEED_ARTICLE.slug}?populate=topics`).expect(200);
    expect(res.body.data.topics).toHaveLength(3);
    expect(res.body.data).not.toHaveProperty('relatedPrograms');
  });

  it('never exposes comments through populate', async () => {
    const res = await app.http().get(`/api/articles/${SEED_ARTICLE.slug}?populate=comments`);
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body)).not.toContain('Insightful comparison');
  });
});

describe('demo programs', () => {
  it('lists the four programs the article describes, with schedules', async () => {
    const res = await app.http().get('/api/group-programs?sort=title').expect(200);
    const programs = res.body.data as Array<Record<string, any>>;
    expect(programs.map((program) => program.slug)).toEqual([
      'depression-therapy-group-8-weeks',
      'families-affected-by-substance-use-weekly-support-group',
      'grief-support-group',
      'grief-therapy-group-6-weeks',
    ]);
    const grief = programs.find((program) => program.slug === 'grief-support-group')!;
    expect(grief.kind).toBe('support-group');
    expect(grief.schedule).toMatchObject({ repeats: 'monthly-by-weekday', weeksOfMonth: 'first-and-third', ends: 'never' });
    const depression = programs.find((program) => program.slug === 'depression-therapy-group-8-weeks')!;
    expect(depression.schedule).toMatchObject({ repeats: 'weekly', ends: 'after-sessions', sessionCount: 8 });
    expect(depression.facilitator.name).toBe('Dr. Priya Raman');
    expect(depression.topics[0].slug).toBe('depression');
  });

  it('is found by slug', async () => {
    const res = await app.http().get('/api/group-programs/grief-therapy-group-6-weeks').expect(200);
    expect(res.body.data.schedule.sessionCount).toBe(6);
  });
});

describe('drafts', () => {
  let draftId: string;
  beforeAll(async () => {
    const draft = await app.strapi.documents('api::article.article').create({
      data: partialInput<'api::article.article'>({ title: 'Unfinished draft about anxiety', body: 'Not ready.' }),
    });
    draftId = draft.documentId;
    // A published article whose newer draft must not leak either.
    await app.strapi.documents('api::article.article').update({
      documentId: seedArticleId,
      data: { title: 'Draft retitle that is not published yet' },
    });
  });

  it('are invisible in lists, by slug, by documentId and with ?status=draft', async () => {
    const list = await app.http().get('/api/articles?status=draft&pagination[pageSize]=100').expect(200);
    const titles = list.body.data.map((article: { title: string }) => article.title);
    expect(titles).not.toContain('Unfinished draft about anxiety');
    expect(titles).not.toContain('Draft retitle that is not published yet');
    expect(titles).toContain(SEED_ARTICLE.title);
    await app.http().get('/api/articles/unfinished-draft-about-anxiety').expect(404);
    await app.http().get(`/api/articles/${draftId}?status=draft`).expect(404);
    const seed = await app.http().get(`/api/articles/${seedArticleId}?status=draft`).expect(200);
    expect(seed.body.data.title).toBe(SEED_ARTICLE.title);
  });

  it('are readable with an API token, for previews', async () => {
    const { fullAccessApiToken } = await import('../helpers/auth');
    const token = await fullAccessApiToken(app.strapi);
    const res = await app.http().get(`/api/articles/${draftId}?status=draft`).set('Authorization', `Bearer ${token}`).expect(200);
    expect(res.body.data.title).toBe('Unfinished draft about anxiety');
  });
});

describe('seeding', () => {
  it('is idempotent', async () => {
    const count = async () => ({
      articles: await app.strapi.db.query('api::article.article').count(),
      programs: await app.strapi.db.query('api::group-program.group-program').count(),
      topics: await app.strapi.db.query('api::topic.topic').count(),
      comments: await app.strapi.db.query('api::comment.comment').count(),
    });
    const before = await count();
    await seedDemoContent(app.strapi);
    expect(await count()).toEqual(before);
    // Three topics, each in English and in Spanish.
    expect(before.topics).toBe(6);
    expect(await app.strapi.db.query('api::topic.topic').count({ where: { locale: 'es' } })).toBe(3);
    expect(before.comments).toBe(1);
  });
});
