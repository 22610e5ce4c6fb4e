import { productionSecrets, startServerProcess, type ServerProcess } from '../helpers/server-process';
import { privateRedis, startPrivatePostgres, type PrivatePostgres, type PrivateRedis } from '../helpers/private-services';

/**
 * `/_ready` for load balancers, against a private PostgreSQL and a private Redis that the test stops and starts
 * (never the machine's shared services). `/_health` stays Strapi's liveness check.
 */
let postgres: PrivatePostgres;
let redis: PrivateRedis;
let server: ServerProcess;

const ready = async () => {
  const response = await fetch(`${server.url}/_ready`, { signal: AbortSignal.timeout(15_000) });
  return { status: response.status, body: (await response.json()) as Record<string, unknown>, retryAfter: response.headers.get('retry-after') };
};

/** Polls until `condition` holds on the readiness answer (reconnecting takes as long as it takes). */
const readyUntil = async (condition: (answer: Awaited<ReturnType<typeof ready>>) => boolean) => {
  for (;;) {
    const answer = await ready();
    if (condition(answer)) return answer;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
};

beforeAll(async () => {
  postgres = await startPrivatePostgres();
  redis = await privateRedis();
  await redis.start();
  server = await startServerProcess({
    ...productionSecrets(),
    LOG_LEVEL: 'warn',
    DATABASE_CLIENT: 'postgres',
    DATABASE_HOST: '127.0.0.1',
    DATABASE_PORT: String(postgres.port),
    DATABASE_USERNAME: 'postgres',
    DATABASE_NAME: postgres.database,
    DATABASE_URL: '',
    REDIS_URL: redis.url,
    READINESS_TIMEOUT_MS: '2000',
  });
}, 180_000);

afterAll(async () => {
  await server?.stop();
  postgres?.remove();
  redis?.kill();
});

it('is ready when PostgreSQL and Redis answer, and /_health stays the liveness check', async () => {
  expect(await ready()).toEqual({ status: 200, body: { status: 'ready', checks: { database: 'up', redis: 'up' } }, retryAfter: null });
  expect((await fetch(`${server.url}/_health`)).status).toBe(204);
});

it('answers 503 naming the database while PostgreSQL is stopped, and is ready again once it is back', async () => {
  postgres.stop();
  const down = await readyUntil((answer) => answer.status !== 200);
  expect(down).toEqual({ status: 503, body: { status: 'unavailable', checks: { database: 'down', redis: 'up' }, down: ['database'] }, retryAfter: '5' });
  // The process is alive: liveness still answers while readiness says "do not send traffic".
  expect((await fetch(`${server.url}/_health`)).status).toBe(204);
  expect(JSON.stringify(down.body)).not.toMatch(/127\.0\.0\.1|ECONNREFUSED|5432/);

  postgres.start();
  expect((await readyUntil((answer) => answer.status === 200)).body).toEqual({ status: 'ready', checks: { database: 'up', redis: 'up' } });
}, 120_000);

it('answers 503 naming Redis while Redis is down, and recovers when it is back', async () => {
  redis.kill();
  const down = await readyUntil((answer) => answer.status !== 200);
  expect(down).toEqual({ status: 503, body: { status: 'unavailable', checks: { database: 'up', redis: 'down' }, down: ['redis'] }, retryAfter: '5' });
  expect(server.output()).toMatch(/Not ready: redis/);

  await redis.start();
  expect((await readyUntil((answer) => answer.status === 200)).body.checks).toEqual({ database: 'up', redis: 'up' });
}, 120_000);
