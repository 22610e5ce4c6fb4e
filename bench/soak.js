#!/usr/bin/env node
'use strict';

/**
 * `npm run bench -- --soak [--minutes 10]`: two production instances on one PostgreSQL database with Redis, for a
 * bounded time, under a mix of what the site sees: readers (article, list, thread, feed, calendar) on both
 * instances, comment posts (ordinary, crisis, spam), readers' reports, editors publishing articles, moderators
 * deciding from the inbox. It fails (exit 1) on any answer ≥ 500, on an acknowledged comment missing from the
 * database, or on server memory at the end more than 10% above its level after the first minute.
 * Needs PostgreSQL and Redis (DATABASE_* as for the tests, REDIS_URL or redis://127.0.0.1:6379).
 */
const fs = require('fs');
const path = require('path');
const { fork } = require('child_process');
const { Client } = require('pg');
const { productionSecrets } = require('./production-env');

const appDir = path.resolve(__dirname, '..');
const args = process.argv.slice(2);
const minutes = Number(args[args.indexOf('--minutes') + 1] || 10) || 10;
const log = (message) => process.stdout.write(`${message}\n`);
const pg = (database = 'postgres') =>
  new Client({ host: process.env.DATABASE_HOST || '127.0.0.1', port: Number(process.env.DATABASE_PORT || 5432), user: process.env.DATABASE_USERNAME || 'postgres', password: process.env.DATABASE_PASSWORD, database });

const rssMb = (pid) => {
  try {
    return Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))[1]) / 1024;
  } catch {
    return null;
  }
};

/** One bench/server.js instance on `port`; resolves when it is ready. */
const start = (env, port) =>
  new Promise((resolve, reject) => {
    const child = fork(path.join(__dirname, 'server.js'), [], {
      cwd: appDir,
      // As `npm start` runs it (package.json config.heapMegabytes), and with a full collection on request: the
      // memory compared is the heap still in use after one, which only a leak grows.
      execArgv: ['--expose-gc', `--max-old-space-size=${require('../package.json').config.heapMegabytes}`],
      env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1' },
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    child.once('exit', (code) => reject(new Error(`instance on ${port} exited with ${code}`)));
    child.on('message', (/** @type {any} */ message) => message.type === 'ready' && resolve(child));
  });
const ask = (child, type, payload, answer) =>
  new Promise((resolve) => {
    const onMessage = (message) => {
      if (message.type !== answer && !String(message.type).endsWith('-failed')) return;
      child.off('message', onMessage);
      resolve(message);
    };
    child.on('message', onMessage);
    child.send({ type, ...payload });
  });

async function main() {
  const stamp = new Date().toISOString().replace(/[-:]/g, '').replace(/\..+/, '');
  const database = `soak_${stamp.toLowerCase()}`;
  const admin = pg();
  await admin.connect();
  await admin.query(`CREATE DATABASE "${database}"`);
  await admin.end();
  const { compileStrapi } = require('@strapi/strapi');
  await compileStrapi({ appDir });

  const env = {
    ...productionSecrets(),
    DATABASE_CLIENT: 'postgres',
    DATABASE_NAME: database,
    DATABASE_URL: '',
    REDIS_URL: process.env.REDIS_URL || 'redis://127.0.0.1:6379',
    COMMENT_FLOOD_KEY_PREFIX: `soak-${stamp}`,
    LOG_LEVEL: 'warn',
    CRON_ENABLED: 'false',
    SEED_DEMO_CONTENT: 'false',
    // One address posts every comment of the soak: flood control and the report limit are lifted for it alone.
    COMMENT_FLOOD_CONTROL: 'false',
    READER_REPORTS_PER_HOUR: '100000',
  };
  const ports = [41801, 41802];
  const a = await start(env, ports[0]);
  const b = await start(env, ports[1]);
  const instances = [a, b];
  const bases = ports.map((port) => `http://127.0.0.1:${port}`);
  const seeded = await ask(a, 'seed', { programs: 200, articles: 10, comments: 100 }, 'seeded');
  const moderator = { email: 'soak.moderator@bench.example', password: 'Soak-moderator-1' };
  await ask(a, 'admin-user', { roleCode: 'strapi-moderator', ...moderator }, 'admin-user-created');
  const login = /** @type {any} */ (await (await fetch(`${bases[1]}/admin/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(moderator) })).json());
  const authorization = `Bearer ${login.data.token}`;
  const slug = seeded.articleSlug;

  const counts = { requests: 0, failures: 0, byStatus: {} };
  const failures = [];
  const acknowledged = [];
  const request = async (url, init = {}) => {
    try {
      const response = await fetch(url, init);
      counts.requests += 1;
      counts.byStatus[response.status] = (counts.byStatus[response.status] || 0) + 1;
      const text = await response.text();
      if (response.status >= 500) failures.push(`${init.method || 'GET'} ${url} → ${response.status} ${text.slice(0, 120)}`);
      return { status: response.status, text };
    } catch (error) {
      counts.failures += 1;
      failures.push(`${init.method || 'GET'} ${url} → ${error.message}`);
      return { status: 0, text: '' };
    }
  };
  const json = (response) => {
    try {
      return JSON.parse(response.text);
    } catch {
      return null;
    }
  };

  const deadline = Date.now() + minutes * 60_000;
  const every = (ms, work) =>
    (async () => {
      let turn = 0;
      while (Date.now() < deadline) {
        const began = Date.now();
        await work((turn += 1));
        await new Promise((resolve) => setTimeout(resolve, Math.max(0, ms - (Date.now() - began))));
      }
    })();
  const base = (turn) => bases[turn % 2];
  const reads = ['/api/articles', `/api/articles/${slug}`, `/api/articles/${slug}/comments`, '/api/group-programs/upcoming', '/api/group-programs/upcoming.ics', '/api/group-programs', '/api/sitemap.xml'];
  const bodies = [
    (turn) => `Is the Tuesday grief group still open to new members? (${turn})`,
    (turn) => `I don't want to be here anymore, it has been too much (${turn})`,
    (turn) => `Cheap replica watches, order now at watches-outlet.example (${turn})`,
  ];

  const heapMb = async () => Promise.all(instances.map(async (child) => Math.round((await ask(child, 'memory', {}, 'memory')).usage.heapUsed / 1048576)));
  const memory = { afterFirstMinute: null, atEnd: null, rssAtEnd: null };
  setTimeout(async () => {
    memory.afterFirstMinute = await heapMb();
  }, 60_000).unref();

  log(`Soak: ${minutes} min, two instances on PostgreSQL (${database}) with Redis...`);
  await Promise.all([
    // Readers: four loops, each alternating instances.
    ...[0, 1, 2, 3].map((worker) => every(50, (turn) => request(`${base(turn + worker)}${reads[(turn + worker) % reads.length]}`))),
    every(250, async (turn) => {
      const response = await request(`${base(turn)}/api/comments`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ data: { article: slug, authorName: 'Soak', authorEmail: `soak${turn}@bench.example`, body: bodies[turn % bodies.length](turn) } }),
      });
      if (response.status === 201) acknowledged.push(json(response).data.documentId);
    }),
    every(2000, async (turn) => {
      const thread = json(await request(`${base(turn)}/api/articles/${slug}/comments`));
      const target = thread?.data?.[turn % Math.max(1, thread.data.length)];
      if (target) await request(`${base(turn + 1)}/api/comments/${target.documentId}/report`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ data: { reason: 'other', text: `soak report ${turn}` } }) });
    }),
    every(5000, (turn) => ask(instances[turn % 2], 'publish-article', { turn }, 'published')),
    every(1000, async (turn) => {
      const queue = json(await request(`${base(turn)}/moderation/queue?tab=pending&pageSize=5`, { headers: { authorization } }));
      const ids = (queue?.data ?? []).map((item) => item.documentId);
      if (ids.length > 0) await request(`${base(turn + 1)}/moderation/decisions`, { method: 'POST', headers: { authorization, 'content-type': 'application/json' }, body: JSON.stringify({ documentIds: ids, status: turn % 3 === 0 ? 'rejected' : 'approved' }) });
    }),
  ]);
  memory.atEnd = await heapMb();
  memory.rssAtEnd = instances.map((child) => Math.round(rssMb(child.pid)));

  const reader = pg(database);
  await reader.connect();
  const stored = new Set((await reader.query('SELECT document_id FROM comments')).rows.map((row) => row.document_id));
  await reader.end();
  const missing = acknowledged.filter((documentId) => !stored.has(documentId));

  for (const child of instances) child.kill('SIGTERM');
  await new Promise((resolve) => setTimeout(resolve, 3000));
  const dropper = pg();
  await dropper.connect();
  await dropper.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
  await dropper.end();

  const growth = memory.afterFirstMinute ? memory.atEnd.map((end, index) => Math.round(((end - memory.afterFirstMinute[index]) / memory.afterFirstMinute[index]) * 1000) / 10) : null;
  const result = {
    minutes,
    requests: counts.requests,
    byStatus: counts.byStatus,
    answersOver500: failures.length,
    connectionFailures: counts.failures,
    commentsAcknowledged: acknowledged.length,
    acknowledgedMissing: missing.length,
    memoryMb: memory,
    memoryMeasured: 'heap in use after a full collection (V8), per instance; RSS at the end for reference',
    memoryGrowthPercent: growth,
  };
  const pass = failures.length === 0 && missing.length === 0 && growth !== null && growth.every((value) => value <= 10);
  const dir = path.join(__dirname, 'results');
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, `soak-${stamp}.json`), `${JSON.stringify({ date: new Date().toISOString(), node: process.version, result, pass, failures: failures.slice(0, 50) }, null, 2)}\n`);
  log(JSON.stringify(result, null, 2));
  log(`${pass ? 'PASS' : 'FAIL'}: ${failures.length} answers ≥ 500 or failed, ${missing.length} acknowledged comments missing, memory growth after the first minute ${growth ? growth.join('% / ') : 'n/a'}% (≤ 10%). Written bench/results/soak-${stamp}.json`);
  if (failures.length > 0) log(failures.slice(0, 10).join('\n'));
  process.exit(pass ? 0 : 1);
}

main().catch((error) => {
  process.stderr.write(`${error.stack || error}\n`);
  process.exit(1);
});
