import type { Client as PgClient } from 'pg';
import { createPostgresDatabase, type TestDatabase } from '../helpers/database';
import { productionSecrets, startServerProcess, type ServerProcess } from '../helpers/server-process';

/**
 * Two server processes on one PostgreSQL database and one Redis, as in production behind a load balancer.
 * Both start at the same moment on an empty database.
 */
let database: TestDatabase;
let a: ServerProcess;
let b: ServerProcess;
let pg: PgClient;

const json = async (url: string, init?: RequestInit) => {
  const response = await fetch(url, init);
  return { status: response.status, body: (await response.json().catch(() => null)) as any };
};
const count = async (sql: string, values: unknown[] = []) => Number((await pg.query(sql, values)).rows[0].count);

beforeAll(async () => {
  database = await createPostgresDatabase();
  const env = {
    ...productionSecrets(),
    DATABASE_CLIENT: 'postgres',
    DATABASE_HOST: process.env.DATABASE_HOST ?? '127.0.0.1',
    DATABASE_PORT: process.env.DATABASE_PORT ?? '5432',
    DATABASE_USERNAME: process.env.DATABASE_USERNAME ?? 'postgres',
    DATABASE_NAME: database.name,
    DATABASE_URL: '',
    REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
    COMMENT_FLOOD_KEY_PREFIX: `multi-${database.name}`,
    SEED_DEMO_CONTENT: 'true',
    // Long enough that only an invalidation (Redis pub/sub) can make a change show on the other instance.
    RESPONSE_CACHE_TTL_SECONDS: '600',
    IS_PROXIED: 'true',
  };
  [a, b] = await Promise.all([startServerProcess(env), startServerProcess(env)]);
  const { Client } = await import('pg');
  pg = new Client({ host: env.DATABASE_HOST, port: Number(env.DATABASE_PORT), user: env.DATABASE_USERNAME, database: database.name });
  await pg.connect();
}, 120_000);

afterAll(async () => {
  await pg?.end();
  await Promise.all([a?.stop(), b?.stop()]);
  await database?.drop();
});

it('seeds and bootstraps permissions once when both start together', async () => {
  expect(await count("SELECT count(DISTINCT document_id) FROM articles WHERE slug = 'whats-the-difference-between-a-support-group-and-group-therapy'")).toBe(1);
  expect(await count('SELECT count(DISTINCT document_id) FROM group_programs')).toBe(4);
  // Each demo topic once per locale (English and its Spanish translation), not once per instance.
  expect(await count("SELECT count(*) FROM topics WHERE locale = 'en'")).toBe(3);
  expect(await count("SELECT count(*) FROM topics WHERE locale = 'es'")).toBe(3);
  expect(await count('SELECT count(*) FROM comments')).toBe(1);
  expect(await count("SELECT count(*) FROM up_roles WHERE type = 'moderator'")).toBe(1);
  expect(await count("SELECT count(*) FROM admin_roles WHERE code = 'strapi-moderator'")).toBe(1);
  const duplicates = await pg.query(
    'SELECT p.action, count(*) FROM up_permissions p JOIN up_permissions_role_lnk l ON l.permission_id = p.id GROUP BY l.role_id, p.action HAVING count(*) > 1'
  );
  expect(duplicates.rows).toEqual([]);
  for (const server of [a, b]) {
    const res = await json(`${server.url}/api/articles/whats-the-difference-between-a-support-group-and-group-therapy`);
    expect(res.status).toBe(200);
    expect(res.body.data.upcomingPrograms).toHaveLength(4);
  }
});

it('counts flood control across both instances (shared Redis)', async () => {
  const post = (server: ServerProcess, email: string) =>
    fetch(`${server.url}/api/comments`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': '198.51.100.99' },
      body: JSON.stringify({
        data: { article: 'whats-the-difference-between-a-support-group-and-group-therapy', authorName: 'Ana', authorEmail: email, body: `Where is the group held? ${email}` },
      }),
    });
  expect((await post(a, 'first@example.com')).status).toBe(201);
  const second = await post(b, 'second@example.com');
  expect(second.status).toBe(429);
  expect(Number(second.headers.get('retry-after'))).toBeGreaterThan(0);
});

it('shows a program edited through one instance in the other’s feed without waiting for its cache to expire (Redis pub/sub)', async () => {
  const feedTitles = async (server: ServerProcess) =>
    ((await json(`${server.url}/api/group-programs/upcoming`)).body.data as Array<{ title: string }>).map((item) => item.title);
  // Both instances have the feed cached.
  expect(await feedTitles(a)).toContain('Grief Support Group');
  expect(await feedTitles(b)).toContain('Grief Support Group');

  // An editor registers (first admin) and edits the program on instance A.
  const register = await json(`${a.url}/admin/register-admin`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'editor@practice.example', password: 'Editor-pass-123', firstname: 'Eddie', lastname: 'Tor' }),
  });
  expect(register.status).toBe(200);
  const auth = { authorization: `Bearer ${register.body.data.token}`, 'content-type': 'application/json' };
  const program = (await json(`${a.url}/api/group-programs/grief-support-group`)).body.data;
  const uid = 'api::group-program.group-program';
  const saved = await json(`${a.url}/content-manager/collection-types/${uid}/${program.documentId}`, {
    method: 'PUT',
    headers: auth,
    body: JSON.stringify({ title: 'Grief Support Group (Room C)' }),
  });
  expect(saved.status).toBe(200);
  const published = await json(`${a.url}/content-manager/collection-types/${uid}/${program.documentId}/actions/publish`, { method: 'POST', headers: auth, body: '{}' });
  expect(published.status).toBe(200);
  const editedAt = Date.now();

  expect(await feedTitles(a)).toContain('Grief Support Group (Room C)'); // the editing instance: at once
  let seenAfterMs = -1;
  // Cached answers live ten minutes here (RESPONSE_CACHE_TTL_SECONDS): only the Redis message can clear B's.
  while (Date.now() - editedAt < 5000) {
    if ((await feedTitles(b)).includes('Grief Support Group (Room C)')) {
      seenAfterMs = Date.now() - editedAt;
      break;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  expect(seenAfterMs).toBeGreaterThanOrEqual(0);
  process.stdout.write(`program edit seen on the other instance after ${seenAfterMs} ms\n`);
});

it('shows an article edit and a comment approval made on one instance on the other, long before its cache would expire (Redis pub/sub)', async () => {
  const slug = 'whats-the-difference-between-a-support-group-and-group-therapy';
  const login = await json(`${a.url}/admin/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'editor@practice.example', password: 'Editor-pass-123' }),
  });
  const auth = { authorization: `Bearer ${login.body.data.token}`, 'content-type': 'application/json' };
  const article = (await json(`${b.url}/api/articles/${slug}`)).body.data;
  const thread = async (server: ServerProcess) => ((await json(`${server.url}/api/articles/${slug}/comments`)).body.data as Array<{ documentId: string }>).map((c) => c.documentId);
  const posted = await json(`${b.url}/api/comments`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': '198.51.100.90' },
    body: JSON.stringify({ data: { article: slug, authorName: 'Remy', authorEmail: 'remy@example.com', body: 'Is the Monday group open in January?' } }),
  });
  expect(posted.status).toBe(201);
  // Both instances have the article and its thread cached.
  expect((await json(`${b.url}/api/articles/${slug}`)).body.data.title).toBe(article.title);
  expect(await thread(b)).not.toContain(posted.body.data.documentId);

  const uid = 'api::article.article';
  expect((await json(`${a.url}/content-manager/collection-types/${uid}/${article.documentId}`, { method: 'PUT', headers: auth, body: JSON.stringify({ title: 'Support group or therapy group?' }) })).status).toBe(200);
  expect((await json(`${a.url}/content-manager/collection-types/${uid}/${article.documentId}/actions/publish`, { method: 'POST', headers: auth, body: '{}' })).status).toBe(200);
  const comment = 'api::comment.comment';
  expect((await json(`${a.url}/content-manager/collection-types/${comment}/${posted.body.data.documentId}`, { method: 'PUT', headers: auth, body: JSON.stringify({ moderationStatus: 'approved' }) })).status).toBe(200);
  const changedAt = Date.now();

  // The instance that made the changes: the next request.
  expect((await json(`${a.url}/api/articles/${slug}`)).body.data.title).toBe('Support group or therapy group?');
  expect(await thread(a)).toContain(posted.body.data.documentId);
  // The other: as soon as the invalidation arrives (milliseconds; the loop only bounds a failure), not after 600 s.
  let seenAfterMs = -1;
  while (Date.now() - changedAt < 15_000) {
    const [title, ids] = [(await json(`${b.url}/api/articles/${slug}`)).body.data.title, await thread(b)];
    if (title === 'Support group or therapy group?' && ids.includes(posted.body.data.documentId)) {
      seenAfterMs = Date.now() - changedAt;
      break;
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  expect(seenAfterMs).toBeGreaterThanOrEqual(0);
});
