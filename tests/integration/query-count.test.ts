import { startStrapi, type TestApp } from '../helpers/strapi';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { seedScale } = require('../../bench/seed-scale') as {
  seedScale: (strapi: unknown, sizes: { programs: number; articles: number; comments: number }) => Promise<{ articleSlug: string }>;
};

let app: TestApp;
let window = 0;

/** How many SQL queries one request runs. */
const queriesFor = async (path: string | (() => string)) => {
  let count = 0;
  const count1 = () => {
    count += 1;
  };
  app.strapi.db.connection.on('query', count1);
  try {
    await app.http().get(typeof path === 'function' ? path() : path).expect(200);
  } finally {
    app.strapi.db.connection.off('query', count1);
  }
  return count;
};

const coldFeed = () => `/api/group-programs/upcoming?from=${new Date(Date.now() + (window += 1)).toISOString()}`;

const measureAll = async (articleSlug: string) => ({
  feed: await queriesFor(coldFeed),
  feedLastPage: await queriesFor(() => `${coldFeed()}&pageSize=5&page=2`),
  calendar: await queriesFor(() => `/api/group-programs/upcoming.ics?from=${new Date(Date.now() + (window += 1)).toISOString()}`),
  programs: await queriesFor('/api/group-programs'),
  article: await queriesFor(`/api/articles/${articleSlug}`),
  articles: await queriesFor('/api/articles'),
  thread: await queriesFor(`/api/articles/${articleSlug}/comments`),
  comments: await queriesFor('/api/comments'),
});

beforeAll(async () => {
  // No cron task may run queries while they are counted.
  app = await startStrapi({ CRON_ENABLED: 'false' });
});
afterAll(async () => {
  await app?.stop();
});

/** Seeds, then waits for what approvals started in the background (reply notifications look up the parent). */
const seed = async (sizes: { programs: number; articles: number; comments: number }) => {
  const seeded = await seedScale(app.strapi, sizes);
  await app.strapi.service('api::commenter.reply-notifications').idle();
  return seeded;
};

it('runs no cron job in the background (ours are off; Strapi telemetry jobs go with telemetry off)', () => {
  expect(app.strapi.cron.jobs.map((job: { name: string | null }) => job.name)).toEqual([]);
});

it('runs the same number of queries per request whatever the amount of data (no query per item)', async () => {
  const small = await seed({ programs: 12, articles: 3, comments: 10 });
  const few = await measureAll(small.articleSlug);
  const large = await seed({ programs: 60, articles: 12, comments: 50 });
  const many = await measureAll(large.articleSlug);
  expect(many).toEqual(few);
  process.stdout.write(`queries per request: ${JSON.stringify(many)}\n`);
  // And the counts are small.
  for (const count of Object.values(many)) expect(count).toBeLessThan(40);
}, 180_000);
