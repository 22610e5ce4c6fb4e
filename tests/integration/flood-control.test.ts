import { randomUUID } from 'crypto';
import { partialInput } from '../helpers/content';
import Redis from 'ioredis';
import { seedDemoContent } from '../../src/seed/demo-content';
import { SEED_ARTICLE } from '../../src/seed/seed-article';
import { commentCount, postComment, uniqueEmail } from '../helpers/comments';
import { readersEnv, verifiedReader } from '../helpers/readers';
import { startSmtpCapture } from '../helpers/smtp';
import { startStrapi, type TestApp } from '../helpers/strapi';

let questions = 0;
const comment = (authorEmail = uniqueEmail()) => ({
  article: SEED_ARTICLE.slug,
  authorName: 'Robin',
  authorEmail,
  body: `When does the next therapy group start? (${(questions += 1)})`,
});
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const withApp = (env: Record<string, string>, withMail = false) => {
  const holder: { app?: TestApp; smtp?: Awaited<ReturnType<typeof startSmtpCapture>> } = {};
  beforeAll(async () => {
    if (withMail) holder.smtp = await startSmtpCapture();
    holder.app = await startStrapi({ IS_PROXIED: 'true', ...(holder.smtp ? readersEnv(holder.smtp, randomUUID()) : {}), ...env });
    await seedDemoContent(holder.app.strapi);
  });
  afterAll(async () => {
    await holder.app?.stop();
    await holder.smtp?.stop();
  });
  return Object.assign(() => holder.app!, { smtp: () => holder.smtp! });
};

describe('with the default limits (one comment per 15 s per IP and per confirmed address)', () => {
  const app = withApp({}, true);

  it('answers a second comment from the same IP with 429 and Retry-After, storing nothing', async () => {
    await postComment(app(), comment(), '198.51.100.7').expect(201);
    const before = await commentCount(app());
    const res = await postComment(app(), comment(), '198.51.100.7').expect(429);
    const retryAfter = Number(res.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(15);
    expect(res.body.error.message).toMatch(/try again in \d+ seconds/);
    expect(await commentCount(app())).toBe(before);
  });

  it('limits a confirmed address from another IP too, and lets other readers through', async () => {
    const reader = await verifiedReader(app(), app.smtp(), 'flood');
    await postComment(app(), { ...comment(reader.email), commenterToken: reader.token }, '198.51.100.8').expect(201);
    await postComment(app(), { ...comment(reader.email), commenterToken: reader.token }, '198.51.100.9').expect(429);
    await postComment(app(), comment(), '198.51.100.10').expect(201);
  });

  it('gives a typed address nothing of its own: a 429 never tells that someone else wrote with it', async () => {
    const email = uniqueEmail('typed');
    await postComment(app(), comment(email), '198.51.100.11').expect(201);
    await postComment(app(), comment(email), '198.51.100.12').expect(201);
  });
});

describe('behind a proxy (IS_PROXIED, PROXY_HOPS=1)', () => {
  const app = withApp({});

  it('counts the address the proxy saw, whatever the client wrote before it in X-Forwarded-For', async () => {
    const spoofed = (forged: string) =>
      app().http().post('/api/comments').set('X-Forwarded-For', `${forged}, 198.51.100.50`).send({ data: comment() });
    await spoofed('10.1.1.1').expect(201);
    await spoofed('10.2.2.2').expect(429);
    await spoofed('10.3.3.3, 10.4.4.4').expect(429);
  });

  it('limits admin login attempts per real address too', async () => {
    const email = `nobody.${Date.now()}@example.com`;
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 7; attempt += 1) {
      const res = await app().http().post('/admin/login').set('X-Forwarded-For', `10.9.9.${attempt}, 198.51.100.70`).send({ email, password: 'Wrong-pass-1' });
      statuses.push(res.status);
    }
    expect(statuses.slice(0, 5).every((status) => status === 400)).toBe(true);
    expect(statuses.slice(5)).toEqual([429, 429]);
  });

  it('does not count a refused post against the reader', async () => {
    const closed = await app().strapi.documents('api::article.article').create({
      data: partialInput<'api::article.article'>({ title: `Closed for comments ${Date.now()}`, body: 'x', commentsEnabled: false }),
      status: 'published',
    });
    await postComment(app(), { ...comment(), article: closed.documentId }, '198.51.100.60').expect(403);
    await postComment(app(), comment(), '198.51.100.60').expect(201);
  });
});

describe('the hourly limit', () => {
  const app = withApp({ COMMENT_MIN_INTERVAL_SECONDS: '1', COMMENT_MAX_PER_HOUR: '3' });

  it('allows maxPerHour comments an hour, then asks to come back later', async () => {
    for (let i = 0; i < 3; i += 1) {
      await postComment(app(), comment(), '198.51.100.20').expect(201);
      await sleep(1100);
    }
    const res = await postComment(app(), comment(), '198.51.100.20').expect(429);
    expect(Number(res.headers['retry-after'])).toBeGreaterThan(60);
  });
});

describe('with REDIS_URL', () => {
  const keyPrefix = `test-${randomUUID()}`;
  const app = withApp({ REDIS_URL: 'redis://127.0.0.1:6379', COMMENT_FLOOD_KEY_PREFIX: keyPrefix }, true);
  const redis = new Redis('redis://127.0.0.1:6379', { lazyConnect: true });
  afterAll(async () => {
    const keys = await redis.keys(`${keyPrefix}:*`);
    if (keys.length > 0) await redis.del(...keys);
    redis.disconnect();
  });

  it('keeps the counts in Redis', async () => {
    const reader = await verifiedReader(app(), app.smtp(), 'redis');
    await postComment(app(), { ...comment(reader.email), commenterToken: reader.token }, '198.51.100.30').expect(201);
    await postComment(app(), comment(), '198.51.100.30').expect(429);
    const keys = await redis.keys(`${keyPrefix}:*`);
    expect(keys.some((key) => key.startsWith(`${keyPrefix}:comment-burst:ip:`))).toBe(true);
    expect(keys.some((key) => key.startsWith(`${keyPrefix}:comment-hour:email:`))).toBe(true);
  });
});

describe('when Redis is unreachable', () => {
  // Nothing listens on port 1 of the loopback address.
  const app = withApp({ REDIS_URL: 'redis://127.0.0.1:1' });

  it('falls back to per-process limits: neither rejecting everyone nor accepting unlimited posts', async () => {
    await postComment(app(), comment(), '198.51.100.40').expect(201);
    await postComment(app(), comment(), '198.51.100.40').expect(429);
    await postComment(app(), comment(), '198.51.100.41').expect(201);
  });
});
