import fs from 'fs';
import { Client } from 'pg';
import { privateRedis, startPrivatePostgres, type PrivatePostgres, type PrivateRedis } from '../helpers/private-services';
import { productionSecrets, startServerProcess, type ServerProcess } from '../helpers/server-process';

/**
 * Faults, against a private PostgreSQL (initdb into a temporary folder, its own port, pg_ctl to stop and start)
 * and a private Redis, never the machine's shared services. The server is under load while PostgreSQL goes
 * away for a few seconds and comes back.
 */
const SLUG = 'whats-the-difference-between-a-support-group-and-group-therapy';

let postgres: PrivatePostgres;
let redis: PrivateRedis;
let server: ServerProcess;

let ipCounter = 0;
// A new reader address per post (flood control allows one post per address every 15 s).
const post = (ip = `2001:db8::${(ipCounter += 1).toString(16)}`, n = ipCounter) =>
  fetch(`${server.url}/api/comments`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': ip },
    body: JSON.stringify({ data: { article: SLUG, authorName: 'Load', authorEmail: `load${n}.${Date.now()}@example.com`, body: `Question ${n} about the schedule, asked at ${Date.now()}?` } }),
    signal: AbortSignal.timeout(15_000),
  });

beforeAll(async () => {
  postgres = await startPrivatePostgres();
  redis = await privateRedis();
  await redis.start();

  server = await startServerProcess({
    ...productionSecrets(),
    LOG_LEVEL: 'info',
    DATABASE_CLIENT: 'postgres',
    DATABASE_HOST: '127.0.0.1',
    DATABASE_PORT: String(postgres.port),
    DATABASE_USERNAME: 'postgres',
    DATABASE_NAME: postgres.database,
    DATABASE_URL: '',
    REDIS_URL: redis.url,
    SEED_DEMO_CONTENT: 'true',
    IS_PROXIED: 'true',
  });
}, 120_000);

afterAll(async () => {
  await server?.stop();
  postgres?.remove();
  redis?.kill();
});

/** Polls `condition` until it holds; fails with `what` after two minutes (a hang, not slowness). */
const waitUntil = async (what: string, condition: () => boolean) => {
  for (const deadline = Date.now() + 120_000; !condition(); ) {
    if (Date.now() > deadline) throw new Error(`gave up waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
};

it('fails fast with 503 while PostgreSQL is down, stays up, recovers by itself and loses no acknowledged comment', async () => {
  const results: Array<{ status: number; ms: number; phase: string; documentId?: string }> = [];
  let phase = 'before';
  let running = true;
  let window = 0;
  const worker = async (index: number) => {
    while (running) {
      const startedAt = Date.now();
      try {
        const response =
          index % 2 === 0
            ? await post()
            : await fetch(`${server.url}/api/group-programs/upcoming?from=${new Date(Date.now() + (window += 1)).toISOString()}`, { signal: AbortSignal.timeout(15_000) });
        const body = (await response.json().catch(() => null)) as { data?: { documentId?: string } } | null;
        results.push({ status: response.status, ms: Date.now() - startedAt, phase, documentId: response.status === 201 ? body?.data?.documentId : undefined });
      } catch {
        results.push({ status: 0, ms: Date.now() - startedAt, phase });
      }
    }
  };
  const load = Promise.all([0, 1, 2, 3].map(worker));

  // Each step waits for what it needs to see, however busy the machine is: no wall-clock pass/fail limits.
  const succeeded = (result: { status: number }) => result.status === 200 || result.status === 201;
  await waitUntil('answers before the outage', () => results.filter((result) => result.phase === 'before').length >= 8);
  phase = 'down';
  postgres.stop();
  await waitUntil('a 503 while PostgreSQL is down', () => results.some((result) => result.phase === 'down' && result.status === 503));
  await new Promise((resolve) => setTimeout(resolve, 2000));
  postgres.start();
  phase = 'after';
  // Recovered by itself: eight answers in a row succeed after the restart.
  await waitUntil('eight successes in a row after the restart', () => {
    const after = results.filter((result) => result.phase === 'after').slice(-8);
    return after.length === 8 && after.every(succeeded);
  });
  running = false;
  await load;
  // Kept for reading after a failure.
  fs.mkdirSync('.tmp', { recursive: true });
  fs.writeFileSync('.tmp/faults-server.log', server.output());

  const statuses = new Set(results.map((result) => result.status));
  expect(results.filter((result) => result.phase === 'before').every(succeeded)).toBe(true);
  const summary = JSON.stringify(results.reduce((acc: Record<string, number>, r) => ({ ...acc, [`${r.phase}:${r.status}`]: (acc[`${r.phase}:${r.status}`] ?? 0) + 1 }), {}));
  process.stdout.write(`fault run: ${summary}, slowest answer ${Math.max(...results.map((result) => result.ms))} ms\n`);
  // Only 200, 201 and 503: no 500, and no request hung until the client's 15 s timeout (status 0).
  expect([...statuses].filter((status) => ![200, 201, 503].includes(status))).toEqual([]);
  expect(server.child.exitCode).toBeNull(); // still up

  // Every comment that was acknowledged with 201 is stored.
  const acknowledged = results.flatMap((result) => (result.documentId ? [result.documentId] : []));
  expect(acknowledged.length).toBeGreaterThan(0);
  const pg = new Client({ host: '127.0.0.1', port: postgres.port, user: 'postgres', database: postgres.database });
  await pg.connect();
  const stored = await pg.query('SELECT count(*) FROM comments WHERE document_id = ANY($1)', [acknowledged]);
  await pg.end();
  expect(Number(stored.rows[0].count)).toBe(acknowledged.length);
  expect(server.output()).toMatch(/Database unavailable/);
}, 180_000);

it('degrades flood control to per-process limits when Redis goes away, and says so in the log', async () => {
  expect((await post('192.0.2.251')).status).toBe(201);
  expect((await post('192.0.2.251')).status).toBe(429); // shared limit, through Redis

  redis.kill();
  await new Promise((resolve) => setTimeout(resolve, 500));
  expect((await post('192.0.2.252')).status).toBe(201); // not rejecting everyone
  expect((await post('192.0.2.252')).status).toBe(429); // nor accepting unlimited posts
  expect(server.output()).toMatch(/Flood control: Redis unavailable/);
}, 30_000);
