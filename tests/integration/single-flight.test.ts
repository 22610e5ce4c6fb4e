import type { AddressInfo } from 'net';
import { startStrapi, type TestApp } from '../helpers/strapi';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { seedScale } = require('../../bench/seed-scale') as {
  seedScale: (strapi: unknown, sizes: { programs: number; articles: number; comments: number }) => Promise<{ articleSlug: string }>;
};

/**
 * One computation per miss (issue 25): after a publish clears an answer, concurrent first requests for it wait for
 * the one computing it, and together cost the database queries of one request. Counted on the knex connection, as
 * tests/integration/query-count.test.ts does.
 */
let app: TestApp;
let base = '';
let articleSlug = '';
const ARTICLE = 'api::article.article';

const queriesDuring = async (work: () => Promise<unknown>) => {
  let count = 0;
  const onQuery = () => {
    count += 1;
  };
  app.strapi.db.connection.on('query', onQuery);
  try {
    await work();
  } finally {
    app.strapi.db.connection.off('query', onQuery);
  }
  return count;
};
const get = async (path: string) => {
  const res = await fetch(`${base}${path}`);
  expect(res.status).toBe(200);
  return res.text();
};
const settle = () => new Promise((resolve) => setTimeout(resolve, 500));

/** Changes the article's title and publishes it: every cached answer made of articles is cleared. */
const publish = async (title: string) => {
  const article = await app.strapi.documents(ARTICLE).findFirst({ filters: { slug: articleSlug }, fields: ['documentId'] });
  await app.strapi.documents(ARTICLE).update({ documentId: article!.documentId, data: { title } as never });
  await app.strapi.documents(ARTICLE).publish({ documentId: article!.documentId });
  // What a publish starts in the background (webhooks, rebuild hooks) is not counted.
  await settle();
};

beforeAll(async () => {
  app = await startStrapi({ CRON_ENABLED: 'false' });
  ({ articleSlug } = await seedScale(app.strapi, { programs: 12, articles: 3, comments: 10 }));
  await app.strapi.service('api::commenter.reply-notifications').idle();
  const server = app.strapi.server.httpServer;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}, 300_000);
afterAll(async () => {
  await app?.stop();
});

describe('single-flight misses', () => {
  it('after a publish, 50 concurrent first requests for the article cost the queries of one, and all see the change', async () => {
    const path = `/api/articles/${articleSlug}`;
    await get(path);
    await publish('Single flight, first edit');
    const one = await queriesDuring(() => get(path));
    expect(one).toBeGreaterThan(0);

    await publish('Single flight, second edit');
    let bodies: string[] = [];
    const fifty = await queriesDuring(async () => {
      bodies = await Promise.all(Array.from({ length: 50 }, () => get(path)));
    });
    expect(fifty).toBe(one);
    expect(new Set(bodies).size).toBe(1);
    expect(JSON.parse(bodies[0]).data.title).toBe('Single flight, second edit');
    process.stdout.write(`queries: one cold article request ${one}, 50 concurrent after a publish ${fifty}\n`);
  });

  it('50 concurrent first requests for a feed page cost the queries of one', async () => {
    const cold = () => `/api/group-programs/upcoming?from=${new Date(Date.now() + Math.floor(Math.random() * 1e9)).toISOString()}`;
    await get(cold());
    const one = await queriesDuring(() => get(cold()));
    const path = cold();
    const fifty = await queriesDuring(() => Promise.all(Array.from({ length: 50 }, () => get(path))));
    expect(fifty).toBe(one);
  });

  it('a request with credentials is never joined to a public one (it computes its own answer)', async () => {
    const path = `/api/articles/${articleSlug}`;
    await publish('Single flight, third edit');
    const one = await queriesDuring(() => get(path));
    await publish('Single flight, fourth edit');
    const token = await app.strapi.service('admin::api-token').create({ name: `single-flight-${Date.now()}`, type: 'read-only', lifespan: null });
    const both = await queriesDuring(() =>
      Promise.all([get(path), fetch(`${base}${path}`, { headers: { authorization: `Bearer ${token.accessKey}` } }).then((res) => expect(res.status).toBe(200))])
    );
    expect(both).toBeGreaterThan(one);
  });
});
