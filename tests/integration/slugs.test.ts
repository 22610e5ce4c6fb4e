import { adminToken, fullAccessApiToken } from '../helpers/auth';
import { startStrapi, type TestApp } from '../helpers/strapi';
import { partialInput } from '../helpers/content';

let app: TestApp;
const articles = () => app.strapi.documents('api::article.article');

beforeAll(async () => {
  app = await startStrapi();
});
afterAll(async () => {
  await app?.stop();
});

describe('slugs through the Document Service', () => {
  it('derive from the title, transliterated, and stay distinct for equal titles', async () => {
    const first = await articles().create({ data: partialInput<'api::article.article'>({ title: 'Coping with the Holidays', body: 'x' }) });
    const second = await articles().create({ data: partialInput<'api::article.article'>({ title: 'Coping with the Holidays', body: 'y' }) });
    const third = await articles().create({ data: partialInput<'api::article.article'>({ title: 'Coping with the holidays!', body: 'z' }) });
    expect([first.slug, second.slug, third.slug]).toEqual([
      'coping-with-the-holidays',
      'coping-with-the-holidays-2',
      'coping-with-the-holidays-3',
    ]);
    const topic = await app.strapi.documents('api::topic.topic').create({ data: partialInput<'api::topic.topic'>({ name: 'Grief & Loss — Ünïcode' }) });
    expect(topic.slug).toBe('grief-and-loss-unicode');
  });

  it('keep a hand-set slug (normalised) and never change when the title is edited', async () => {
    const article = await articles().create({ data: partialInput<'api::article.article'>({ title: 'Sleep and mood', slug: 'Sleep Tips', body: 'x' }) });
    expect(article.slug).toBe('sleep-tips');
    const edited = await articles().update({ documentId: article.documentId, data: { title: 'Sleep, mood and anxiety' } });
    expect(edited!.slug).toBe('sleep-tips');
  });

  it('regenerate when an editor clears the slug', async () => {
    const article = await articles().create({ data: partialInput<'api::article.article'>({ title: 'Anxiety at work', body: 'x' }) });
    const cleared = await articles().update({ documentId: article.documentId, data: { slug: '' } });
    expect(cleared!.slug).toBe('anxiety-at-work');
  });

  it('survive publishing unchanged', async () => {
    const draft = await articles().create({ data: partialInput<'api::article.article'>({ title: 'Publishing keeps slugs', body: 'x' }) });
    await articles().publish({ documentId: draft.documentId });
    const published = await articles().findOne({ documentId: draft.documentId, status: 'published' });
    expect(published!.slug).toBe('publishing-keeps-slugs');
  });
});

describe('slugs through REST and the admin panel', () => {
  it('are generated for a REST create with an API token', async () => {
    const token = await fullAccessApiToken(app.strapi);
    const res = await app
      .http()
      .post('/api/group-programs')
      .set('Authorization', `Bearer ${token}`)
      .send({
        data: {
          title: 'Anxiety Skills Group',
          kind: 'group-therapy',
          summary: 'Eight weeks of skills for anxiety.',
          format: 'online',
          enrollmentStatus: 'open',
          schedule: {
            timezone: 'America/New_York',
            firstSessionDate: '2027-01-05',
            startTime: '18:00:00.000',
            durationMinutes: 90,
            repeats: 'weekly',
            ends: 'after-sessions',
            sessionCount: 8,
          },
        },
      });
    expect(res.status).toBe(201);
    expect(res.body.data.slug).toBe('anxiety-skills-group');
  });

  it('come from the title when the admin panel sends its placeholder slug (filled while the title was empty)', async () => {
    const token = await adminToken(app);
    const res = await app
      .http()
      .post('/content-manager/collection-types/api::article.article')
      .set('Authorization', `Bearer ${token}`)
      .send({ title: 'Talking to children about loss', slug: 'article', body: 'x' });
    expect(res.status).toBe(201);
    expect(res.body.data.slug).toBe('talking-to-children-about-loss');
    const kept = await articles().create({ data: partialInput<'api::article.article'>({ title: 'About our articles', slug: 'articles-guide', body: 'x' }) });
    expect(kept.slug).toBe('articles-guide');
  });

  it('are generated for a create in the admin Content Manager', async () => {
    const token = await adminToken(app);
    const res = await app
      .http()
      .post('/content-manager/collection-types/api::topic.topic')
      .set('Authorization', `Bearer ${token}`)
      .send({ name: 'Parenting Stress' });
    expect(res.status).toBe(201);
    expect(res.body.data.slug).toBe('parenting-stress');
  });
});
