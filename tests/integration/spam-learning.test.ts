import path from 'path';
import { loadCorpus, moderate, spamTokens, type ModerationRules } from '#domain/moderation';
import { seedDemoContent } from '../../src/seed/demo-content';
import { SEED_ARTICLE } from '../../src/seed/seed-article';
import { adminUserToken, userJwt } from '../helpers/auth';
import { postComment, uniqueEmail } from '../helpers/comments';
import { startStrapi, type TestApp } from '../helpers/strapi';

/**
 * The spam filter that learns from moderators, over HTTP: a campaign the rules do not know is marked spam by hand
 * twenty times, and its next variants are caught; no genuine comment of the corpus flips to spam.
 */
let app: TestApp;
let articleId: string;
let moderatorJwt: string;

const COMMENT = 'api::comment.comment';
const stored = (documentId: string) => app.strapi.db.query(COMMENT).findOne({ where: { documentId } });
const classifier = () => app.strapi.service('api::comment.spam-classifier');

/**
 * A campaign for a made-up product: none of its words are in the lexicons. (A testimonial for a remedy, "drops that
 * finally worked", "changed everything for my cousin", reads to the crisis model like medication taken or someone
 * else at risk, and crisis comes before spam: such a campaign goes to the urgent queue, which is the policy, not
 * what this file tests.)
 */
const openers = ['Honestly', 'No joke', 'I have to say', 'Quick tip', 'Listen', 'For anyone reading', 'True story', 'Trust me'];
const middles = [
  'the Quellwick planner app',
  'Quellwick daily planner',
  'that Quellwick planner',
  'a Quellwick planner subscription',
  'the Quellwick habit tracker',
];
const endings = [
  'keeps my calendar tidy, ask the Quellwick people about it.',
  'is better than any other app, the Quellwick folks are great.',
  'saves me hours a week, look up Quellwick.',
  'syncs with everything, Quellwick has a free month.',
  'beats paper lists, search Quellwick and see.',
];
const campaign = openers.flatMap((opener, i) => endings.map((ending, j) => `${opener}, ${middles[(i + j) % middles.length]} ${ending}`)).slice(0, 40);

beforeAll(async () => {
  app = await startStrapi({ IS_PROXIED: 'true', COMMENT_FLOOD_CONTROL: 'false' });
  await seedDemoContent(app.strapi);
  articleId = (await app.strapi.documents('api::article.article').findFirst({ filters: { slug: SEED_ARTICLE.slug } }))!.documentId;
  moderatorJwt = await userJwt(app, 'moderator');
});
afterAll(async () => {
  await app?.stop();
});

/** The genuine comments of the corpus the pipeline would call spam with this spam model. */
const spamOnes = (model: { score: (tokens: string[]) => { probability: number; words: Array<{ word: string; weight: number }> } }) => {
  const rules = app.strapi.config.get('moderation') as ModerationRules;
  const standing = { isDuplicate: false, verified: false, hasApprovedComment: false };
  const spam = (text: Parameters<typeof spamTokens>[0], links: string[]) => model.score(spamTokens(text, links));
  return loadCorpus(path.join(__dirname, '..', '..', 'data', 'moderation-corpus'))
    .filter((entry) => entry.label === 'genuine')
    .filter((entry) => moderate({ body: entry.text, authorEmail: 'reader@example.com' }, standing, rules, { spam }).verdict.moderationStatus === 'spam')
    .map((entry) => entry.text);
};

const post = async (body: string) => {
  const res = await postComment(app, { article: articleId, authorName: 'Sam', authorEmail: uniqueEmail('sam'), body }).expect(201);
  return res.body.data.documentId as string;
};
const decide = (documentId: string, status: string) =>
  app.http().post(`/api/comments/${documentId}/moderate`).set('Authorization', `Bearer ${moderatorJwt}`).send({ status }).expect(200);

describe('the learning filter', () => {
  it('starts from the labelled corpus, stored in the database', async () => {
    const model = await classifier().current();
    expect(model.samples.spam).toBeGreaterThanOrEqual(300);
    expect(model.samples.ham).toBeGreaterThanOrEqual(500);
    const row = await app.strapi.db.connection('strapi_core_store_settings').where({ key: 'api_comment_spam-classifier' }).first('value');
    expect(row.value.length).toBeGreaterThan(1000);
  });

  it('catches a new campaign after moderators mark twenty of its comments as spam, and no genuine comment flips', async () => {
    const genuineSpamBefore = spamOnes(await classifier().current());
    const [trained, heldBack] = [campaign.slice(0, 20), campaign.slice(20, 40)];
    const firstIds = [];
    for (const body of trained) firstIds.push(await post(body));
    const before = await Promise.all(firstIds.map(stored));
    // The rules do not know the campaign: without learning, it waits in the queue.
    expect(before.filter((comment) => comment.moderationStatus === 'spam').length).toBeLessThanOrEqual(5);

    for (const documentId of firstIds) await decide(documentId, 'spam');
    expect((await stored(firstIds[0])).trainedAs).toBe('spam');

    const laterIds = [];
    for (const body of heldBack) laterIds.push(await post(body));
    const later = await Promise.all(laterIds.map(stored));
    // The learned filter's own verdict: spam:learned. Where the crisis model also reads risk, crisis comes first and
    // the comment waits, urgent, for a person instead of going to spam; it is never published.
    const caught = later.filter((comment) => comment.flags.includes('spam:learned'));
    expect(caught.length).toBeGreaterThanOrEqual(16);
    expect(later.filter((comment) => comment.moderationStatus !== 'spam' && comment.priority !== 'urgent').length).toBeLessThanOrEqual(4);
    expect(later.filter((comment) => comment.moderationStatus === 'approved')).toEqual([]);
    expect(caught[0].flags).toContain('spam:learned');
    expect(Number(caught[0].spamScore)).toBeGreaterThan(0.9);
    expect(caught[0].spamWords.map((entry: { word: string }) => entry.word).join(' ')).toContain('quelwick'); // normalised: repeated letters folded

    // The same model, read back from the database, on every genuine comment of the corpus: none that the filter
    // before the campaign let through is spam now (a few are spam by the rules alone, before and after).
    const after = spamOnes(await classifier().current());
    expect(after.filter((text) => !genuineSpamBefore.includes(text))).toEqual([]);
  });

  it('takes a decision back when the moderator changes their mind, and learns nothing from a status left alone', async () => {
    const documentId = await post('Does the Wednesday group have a waiting list this autumn?');
    const samples = () => classifier().current().then((model: { samples: { spam: number; ham: number } }) => model.samples);
    const start = await samples();
    await decide(documentId, 'spam');
    // A decision counts SPAM_CLASSIFIER_DECISION_WEIGHT times.
    const weight = app.strapi.config.get('moderation.classifier.decisionWeight') as number;
    expect(await samples()).toEqual({ spam: start.spam + weight, ham: start.ham });
    await decide(documentId, 'approved');
    expect(await samples()).toEqual({ spam: start.spam, ham: start.ham + weight });
    await decide(documentId, 'rejected');
    expect(await samples()).toEqual({ spam: start.spam, ham: start.ham + weight });
    // Back to pending happens in the admin panel.
    const adminJwt = await adminUserToken(app, 'strapi-moderator', 'moderator@practice.example', 'Moderator-pass-1');
    await app
      .http()
      .put(`/content-manager/collection-types/${COMMENT}/${documentId}`)
      .set('Authorization', `Bearer ${adminJwt}`)
      .send({ moderationStatus: 'pending' })
      .expect(200);
    expect(await samples()).toEqual(start);
    expect((await stored(documentId)).trainedAs).toBeNull();
  });

  it('never shows the score or the words to the public', async () => {
    const res = await app.http().get(`/api/comments?filters[spamScore][$gt]=0`);
    expect(res.status).toBeGreaterThanOrEqual(400);
    const documentId = await post('The Tuesday group helped me a lot, thank you for running it.');
    await decide(documentId, 'approved');
    const thread = await app.http().get(`/api/articles/${SEED_ARTICLE.slug}/comments?pageSize=100`).expect(200);
    const text = JSON.stringify(thread.body);
    expect(text).toContain(documentId);
    expect(text).not.toMatch(/spamScore|spamWords|trainedAs|authorIp/);
  });
});

describe('links hidden in markup', () => {
  it.each([
    ['an HTML link', '<a href="https://cheap-meds.example/story">Read my story here</a>'],
    ['a BBCode link', '[url=https://cheap-meds.example/story]Read my story here[/url]'],
    ['a Markdown link', '[Read my story here](https://cheap-meds.example/story)'],
  ])('%s to a known spam domain is spam', async (_kind, body) => {
    const comment = await stored(await post(body));
    expect(comment.moderationStatus).toBe('spam');
    expect(comment.flags).toContain('known-spam-source');
  });

  it('an HTML link is judged by its address although the stored plain text no longer shows it', async () => {
    const comment = await stored(await post('<p>I found help <a href="https://cheap-meds.example/story">here</a></p>'));
    expect(comment.body).toBe('I found help here');
    expect(comment).toMatchObject({ moderationStatus: 'spam' });
    expect(comment.flags).toContain('known-spam-source');
  });
});
