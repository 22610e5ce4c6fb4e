import fc from 'fast-check';
import { seedDemoContent } from '../../src/seed/demo-content';
import { SEED_ARTICLE } from '../../src/seed/seed-article';
import { commentCount } from '../helpers/comments';
import { startStrapi, type TestApp } from '../helpers/strapi';

/**
 * Hostile input, generated (fast-check, fixed seed): wrong types, nesting, sizes, unicode, prototype keys and
 * content types, posted to the public write routes. Never a 500; a 4xx stores nothing.
 */
let app: TestApp;

beforeAll(async () => {
  app = await startStrapi({ IS_PROXIED: 'true', COMMENT_FLOOD_CONTROL: 'false' });
  await seedDemoContent(app.strapi);
});
afterAll(async () => {
  await app?.stop();
});

const FIELDS = ['article', 'authorName', 'authorEmail', 'body', 'parent', 'commenterToken', 'website', '__proto__', 'constructor', 'prototype', 'moderationStatus', 'status', 'id'];
const hostileValue = fc.oneof(
  fc.anything({ maxDepth: 4, withObjectString: true, withNullPrototype: true }),
  fc.string({ unit: 'grapheme', maxLength: 200 }),
  fc.string({ minLength: 4990, maxLength: 6000 }),
  fc.constantFrom(SEED_ARTICLE.slug, 'reader@example.com', '\u202eevil\u200b', '<script>alert(1)</script>', '{"$gt":""}', '%00', '../../etc/passwd'),
  fc.array(fc.string(), { maxLength: 5 }),
  fc.dictionary(fc.constantFrom('$gt', '$ne', 'connect', 'set', 'documentId', 'id', '__proto__'), fc.anything({ maxDepth: 2 }))
);
const hostileData = fc.dictionary(fc.constantFrom(...FIELDS), hostileValue, { maxKeys: 8 });
/** A JSON body, a raw string under some content type, or a near-valid comment with one field gone wrong. */
const hostileRequest = fc.oneof(
  hostileData.map((data) => ({ type: 'application/json', body: JSON.stringify({ data }) })),
  fc.anything({ maxDepth: 3 }).map((body) => ({ type: 'application/json', body: JSON.stringify(body ?? null) })),
  fc.tuple(fc.constantFrom(...FIELDS), hostileValue).map(([field, value]) => ({
    type: 'application/json',
    body: JSON.stringify({ data: { article: SEED_ARTICLE.slug, authorName: 'Sam', authorEmail: 'sam@example.com', body: 'How do I join?', [field]: value } }),
  })),
  fc.tuple(fc.constantFrom('text/plain', 'application/x-www-form-urlencoded', 'application/xml', 'application/json', 'application/json; charset=utf-16', 'multipart/form-data; boundary=x'), fc.string({ maxLength: 300 })).map(
    ([type, body]) => ({ type, body })
  )
);

const ROUTES = [
  '/api/comments', '/api/commenters/confirm', '/api/commenters/revoke', '/api/comments/x/moderate',
  '/api/comments/x/report', '/api/commenters/unsubscribe', '/api/commenters/export', '/api/commenters/export/download', '/api/commenters/erase', '/api/commenters/erase/confirm',
];

it('answers 500 generated hostile bodies without a 500, storing nothing on a 4xx', async () => {
  const requests = fc.sample(fc.tuple(fc.constantFrom(...ROUTES), hostileRequest), { numRuns: 520, seed: 20261128 });
  const statuses = new Map<number, number>();
  for (const [route, { type, body }] of requests) {
    const before = await commentCount(app);
    const res = await app.http().post(route).set('Content-Type', type).set('X-Forwarded-For', '198.51.100.200').send(body);
    statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
    if (res.status >= 500) throw new Error(`${route} answered ${res.status} to ${type} ${body.slice(0, 300)}: ${JSON.stringify(res.body).slice(0, 300)}`);
    if (res.status >= 400) expect(await commentCount(app)).toBe(before);
  }
  process.stdout.write(`fuzz statuses: ${JSON.stringify(Object.fromEntries(statuses))}\n`);
  expect(requests.length).toBeGreaterThanOrEqual(500);
  expect([...statuses.keys()].every((status) => status < 500)).toBe(true);
}, 180_000);
