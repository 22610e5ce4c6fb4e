#!/usr/bin/env node
'use strict';

/**
 * `npm run bench [-- --quick] [-- --sizes 10,100] [-- --duration 5] [-- --heap 384]`
 *
 * Compiles the project, starts it as a production server on a free loopback port with a fresh database (SQLite,
 * or PostgreSQL with DATABASE_CLIENT=postgres), seeds programs at each size, and drives every case for a fixed time
 * (wrk for throughput, autocannon for cases that build each request: bench/load.js). Prints a table and writes
 * bench/results/<date>.json and .md, with the load generator's own ceiling (wrk against bare Node). Every ratio in
 * the summary compares numbers measured in this one run: these machines are noisy, absolute numbers travel badly.
 */
const fs = require('fs');
const net = require('net');
const path = require('path');
const { fork } = require('child_process');
const { productionSecrets } = require('./production-env');
const { createMeasure } = require('./load');
const { summarise, writeResults } = require('./report');
const { moderationRows } = require('./moderation-cases');

const appDir = path.resolve(__dirname, '..');
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const index = args.indexOf(`--${name}`);
  return index >= 0 ? args[index + 1] : fallback;
};
const quick = args.includes('--quick');
const sizes = option('sizes', quick ? '10,100' : '10,100,1000,10000').split(',').map(Number);
const duration = Number(option('duration', quick ? 1 : 5));
const connections = Number(option('connections', 10));
const client = process.env.DATABASE_CLIENT === 'postgres' ? 'postgres' : 'sqlite';
const log = (message) => process.stdout.write(`${message}\n`);
const { measure: measureCase, generator } = createMeasure({ connections, duration, log });
let currentServer = null;
/** Each row also records the server's peak memory so far, to see which case grows it. */
const measure = async (...args) => ({ ...(await measureCase(...args)), peakMb: currentServer ? Math.round(currentServer.peakMemoryMb() || 0) : null });

const freePort = () =>
  new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = /** @type {import('net').AddressInfo} */ (server.address());
      server.close(() => resolve(port));
    });
  });

/** A fresh database for this run, and how to drop it. */
async function freshDatabase(stamp) {
  if (client === 'sqlite') {
    const filename = path.join('.tmp', `bench-${stamp}.db`);
    fs.mkdirSync(path.join(appDir, '.tmp'), { recursive: true });
    return { env: { DATABASE_CLIENT: 'sqlite', DATABASE_FILENAME: filename }, drop: async () => fs.rmSync(path.join(appDir, filename), { force: true }) };
  }
  const { Client } = require('pg');
  const name = `bench_${stamp}`;
  const admin = () =>
    new Client({ host: process.env.DATABASE_HOST || '127.0.0.1', port: Number(process.env.DATABASE_PORT || 5432), user: process.env.DATABASE_USERNAME || 'postgres', password: process.env.DATABASE_PASSWORD, database: 'postgres' });
  const connection = admin();
  await connection.connect();
  await connection.query(`CREATE DATABASE "${name}"`);
  await connection.end();
  return {
    env: { DATABASE_CLIENT: 'postgres', DATABASE_NAME: name, DATABASE_URL: '' },
    drop: async () => {
      const dropper = admin();
      await dropper.connect();
      await dropper.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await dropper.end();
    },
  };
}

/**
 * The heap `npm start` gives a production server (package.json config.heapMegabytes): the server runs as deployed.
 * `--heap N` tries another limit, `--heap 0` none (V8's default, sized from the machine's memory).
 */
const heapMegabytes = Number(option('heap', require('../package.json').config.heapMegabytes));

/** Starts bench/server.js; resolves when it answers /_health. */
async function startServer(env) {
  const port = await freePort();
  const child = fork(path.join(__dirname, 'server.js'), [], {
    cwd: appDir,
    execArgv: heapMegabytes > 0 ? [`--max-old-space-size=${heapMegabytes}`] : [],
    env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const spawnedAt = Date.now();
  const ready = await new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`server exited with ${code} before it was ready`)));
    child.on('message', (/** @type {any} */ message) => message.type === 'ready' && resolve(message));
  });
  const request = (type, payload, answer) =>
    new Promise((resolve, reject) => {
      const onMessage = (message) => {
        if (message.type === answer) {
          child.off('message', onMessage);
          resolve(message);
        } else if (message.type === 'seed-failed') {
          child.off('message', onMessage);
          reject(new Error(message.error));
        }
      };
      child.on('message', onMessage);
      child.send({ type, ...payload });
    });
  return {
    port,
    pid: child.pid,
    startupMs: Date.now() - spawnedAt,
    bootMs: ready.startupMs,
    seed: (payload) => request('seed', payload, 'seeded'),
    adminUser: (payload) => request('admin-user', payload, 'admin-user-created'),
    configure: (key, value) => request('config', { key, value }, 'configured'),
    clearWaiting: () => request('clear-waiting', {}, 'cleared'),
    /** Peak resident memory of the process so far (Linux: VmHWM). */
    peakMemoryMb() {
      try {
        const status = fs.readFileSync(`/proc/${child.pid}/status`, 'utf8');
        return Number(status.match(/VmHWM:\s+(\d+)/)[1]) / 1024;
      } catch {
        return null;
      }
    },
    stop: () =>
      new Promise((resolve) => {
        child.once('exit', resolve);
        child.kill('SIGTERM');
      }),
  };
}

/**
 * The costliest query the public-query budget lets through (config/public-query.ts defaults: 6 relation joins, 50
 * conditions): an $or of 6 relation conditions alternating over a program's topics and articles, each a $containsi
 * list of 7 values, and 8 $containsi on the title, none of which matches (every row is read and compared), sorted,
 * 100 a page with the count. Without semi-joins the 6 relations would multiply each program's rows.
 */
const mostExpensiveAllowedQuery = () => {
  const misses = (from, count) => Array.from({ length: count }, (_, index) => `zq${from + index}x`);
  const parts = [];
  for (let branch = 0; branch < 6; branch += 1) {
    const relation = branch % 2 ? 'articles' : 'topics';
    misses(branch * 7, 7).forEach((value, index) => parts.push(`filters[$or][${branch}][${relation}][slug][$containsi][${index}]=${value}`));
  }
  misses(100, 8).forEach((value, index) => parts.push(`filters[$or][6][title][$containsi][${index}]=${value}`));
  return `/api/group-programs?${parts.join('&')}&sort=title:asc&pagination[pageSize]=100&pagination[withCount]=true`;
};

const get = async (url, headers = {}) => {
  const response = await fetch(url, { headers });
  return { status: response.status, headers: response.headers, text: await response.text() };
};

/** A GET's bytes as sent (fetch decodes): for the sizes of the encoded answers. */
const rawGet = (url, headers = {}) =>
  new Promise((resolve, reject) => {
    require('http')
      .get(url, { headers }, (response) => {
        const chunks = [];
        response.on('data', (chunk) => chunks.push(chunk));
        response.on('end', () => resolve({ status: response.statusCode, encoding: response.headers['content-encoding'], bytes: Buffer.concat(chunks) }));
      })
      .on('error', reject);
  });

async function main() {
  if (args.includes('--soak')) {
    require('./soak');
    return;
  }
  const stamp = new Date().toISOString().replace(/[-:]/g, '').replace(/\..+/, '');
  log(`Benchmark (${quick ? 'quick' : 'full'}): ${client}, sizes ${sizes.join(', ')}, ${duration}s per case, ${connections} connections, load from ${generator}, server heap ${heapMegabytes} MB`);

  log('Compiling the project (dist/)...');
  const { compileStrapi } = require('@strapi/strapi');
  await compileStrapi({ appDir });

  const database = await freshDatabase(stamp);
  const baseEnv = {
    ...database.env,
    ...productionSecrets(),
    LOG_LEVEL: 'warn',
    CRON_ENABLED: 'false',
    SEED_DEMO_CONTENT: 'false',
    // The benchmark posts hundreds of comments a second from one address: flood control is lifted for it alone.
    COMMENT_FLOOD_CONTROL: 'false',
  };

  const rows = [];
  const facts = {};
  let server = await startServer(baseEnv);
  currentServer = server;
  facts.startupMs = server.startupMs;
  log(`Server up in ${server.startupMs} ms (Strapi boot ${Math.round(server.bootMs)} ms), pid ${server.pid}`);
  const base = `http://127.0.0.1:${server.port}`;
  let feedBytes = null;
  let articleSlug = null;

  try {
    for (const size of sizes) {
      const seeded = await server.seed({ programs: size, articles: 20, comments: 200 });
      articleSlug = seeded.articleSlug;
      log(`\n${size} programs (seeded in ${seeded.seconds.toFixed(1)} s)`);
      const feed = `${base}/api/group-programs/upcoming`;
      const warm = await get(feed);
      if (warm.status !== 200) throw new Error(`feed answered ${warm.status}: ${warm.text.slice(0, 200)}`);
      const total = JSON.parse(warm.text).meta.pagination.total;
      log(`  (${total} programs in the 90-day window)`);
      const brotli = await rawGet(feed, { 'accept-encoding': 'br' });
      const gzip = await rawGet(feed, { 'accept-encoding': 'gzip' });
      const withJsonLd = await rawGet(`${feed}?include=jsonLd`);
      const brotliWithJsonLd = await rawGet(`${feed}?include=jsonLd`, { 'accept-encoding': 'br' });
      facts[`feedFirstPageBytes@${size}`] = { identity: Buffer.byteLength(warm.text), br: brotli.bytes.length, gzip: gzip.bytes.length, includeJsonLd: withJsonLd.bytes.length, includeJsonLdBr: brotliWithJsonLd.bytes.length };
      log(`  first page bytes: ${JSON.stringify(facts[`feedFirstPageBytes@${size}`])}`);
      if (size === Math.max(...sizes.filter((s) => s <= 1000)) || !feedBytes) feedBytes = { size, body: warm.text, br: brotli.bytes, etag: warm.headers.get('etag') };

      let miss = 0;
      const today = Date.now();
      // Every request asks for a window that starts a millisecond later: always a cache miss, the full computation.
      const coldToday = (page) => ({
        setupRequest: (request) => ({
          ...request,
          path: `/api/group-programs/upcoming?from=${new Date(today + (miss += 1)).toISOString()}&to=${new Date(today + 90 * 864e5).toISOString()}${page ? `&page=${page}` : ''}`,
        }),
      });
      // Cold cases measure one request at a time: their latency, not how requests queue behind each other.
      rows.push({ size, ...(await measure(`feed cold (cache miss, 1 connection) @${size}`, { url: base, connections: 1, requests: [coldToday()] })) });
      rows.push({ size, ...(await measure(`feed warm (cached) @${size}`, { url: feed })) });
      rows.push({ size, ...(await measure(`feed conditional (304) @${size}`, { url: feed, headers: { 'if-none-match': warm.headers.get('etag') } }, 304)) });
      rows.push({ size, ...(await measure(`feed warm, Accept-Encoding: br @${size}`, { url: feed, headers: { 'accept-encoding': 'br' } })) });
      rows.push({ size, ...(await measure(`feed warm, include=jsonLd @${size}`, { url: `${feed}?include=jsonLd` })) });
      // Strapi's own find, without the response cache (switched off at run time for this case alone).
      await server.configure('response-cache.enabled', false);
      rows.push({ size, ...(await measure(`stock GET /api/group-programs @${size}`, { url: `${base}/api/group-programs` })) });
      await server.configure('response-cache.enabled', true);
      // The response cache off: the article computed from the database on every request.
      await get(`${base}/api/articles/${articleSlug}`); // the program list articles rank from is read once per change
      await server.configure('response-cache.enabled', false);
      rows.push({ size, ...(await measure(`article cold (cache miss, 1 connection) @${size}`, { url: `${base}/api/articles/${articleSlug}`, connections: 1 })) });
      // The rest of the uncached answers issue 25 measured: 10 connections, the response cache off.
      rows.push({ size, ...(await measure(`uncached article by slug (cache off) @${size}`, { url: `${base}/api/articles/${articleSlug}` })) });
      rows.push({ size, ...(await measure(`uncached comment thread (cache off) @${size}`, { url: `${base}/api/articles/${articleSlug}/comments` })) });
      rows.push({ size, ...(await measure(`uncached upcoming.ics (cache off) @${size}`, { url: `${base}/api/group-programs/upcoming.ics` })) });
      await server.configure('response-cache.enabled', true);
      if (size === Math.max(...sizes)) {
        const lastPage = Math.max(1, Math.ceil(total / 25));
        rows.push({ size, ...(await measure(`feed cold, page ${lastPage} of ${lastPage} @${size}`, { url: base, connections: 1, requests: [coldToday(lastPage)] })) });
        // Computed on every request (the response cache off): what one anonymous client can make the database do.
        const expensive = `${base}${mostExpensiveAllowedQuery()}`;
        const probe = await get(expensive);
        if (probe.status !== 200) throw new Error(`the most expensive allowed query answered ${probe.status}: ${probe.text.slice(0, 300)}`);
        await server.configure('response-cache.enabled', false);
        rows.push({ size, ...(await measure(`most expensive allowed public query (1 connection) @${size}`, { url: expensive, connections: 1 })) });
        await server.configure('response-cache.enabled', true);
      }
    }

    log('\nArticles and comments');
    rows.push(await measure('article by slug (+ upcoming programs)', { url: `${base}/api/articles/${articleSlug}` }));
    rows.push(await measure('article list', { url: `${base}/api/articles` }));
    rows.push(await measure('approved comment thread of the article', { url: `${base}/api/articles/${articleSlug}/comments` }));

    let posted = 0;
    const postComment = {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      setupRequest: (request) => ({
        ...request,
        body: JSON.stringify({ data: { article: articleSlug, authorName: 'Bench', authorEmail: `bench${(posted += 1)}@bench.example`, body: `Is there a group on weekends? Asking for the ${posted}th time, with details.` } }),
      }),
    };
    // Both on the same warm server, one after the other: the pipeline switched off at run time for the second.
    rows.push(await measure('POST /api/comments (moderation on)', { url: `${base}/api/comments`, requests: [postComment] }, 201));
    await server.configure('moderation.enabled', false);
    rows.push(await measure('POST /api/comments (moderation off)', { url: `${base}/api/comments`, requests: [postComment] }, 201));
    await server.configure('moderation.enabled', true);

    log('\nModeration (the pipeline, and the inbox over hostile comments)');
    const moderator = { email: 'bench.moderator@bench.example', password: 'Bench-moderator-1' };
    await server.adminUser({ roleCode: 'strapi-moderator', ...moderator });
    const login = await fetch(`${base}/admin/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(moderator) });
    const authorization = `Bearer ${(/** @type {any} */ (await login.json())).data.token}`;
    const moderation = await moderationRows({ base, articleSlug, measure, authorization, clearWaiting: () => server.clearWaiting() });
    rows.push(...moderation.rows);
    facts.moderation = moderation.cost;
    await server.clearWaiting();

    log('\nModeration inbox (admin panel)');
    const queued = await server.seed({ queued: 5000 });
    log(`  (${queued.queued} comments waiting, seeded in ${queued.seconds.toFixed(1)} s)`);
    // What the inbox asks for when it opens: the first page of a tab with every tab's count.
    const opened = await get(`${base}/moderation/queue?tab=pending&pageSize=25`, { authorization });
    if (opened.status !== 200) throw new Error(`inbox answered ${opened.status}: ${opened.text.slice(0, 200)}`);
    facts.inboxPending = JSON.parse(opened.text).meta.counts.pending;
    rows.push(await measure('inbox opens: first page of 5,000 waiting (1 connection)', { url: `${base}/moderation/queue?tab=pending&pageSize=25`, connections: 1, headers: { authorization } }));
    rows.push(await measure('inbox: last page of 5,000 waiting (1 connection)', { url: `${base}/moderation/queue?tab=pending&pageSize=25&page=190`, connections: 1, headers: { authorization } }));

    log('\nSessions panel (admin panel)');
    const editor = { email: 'bench.editor@bench.example', password: 'Bench-editor-1' };
    await server.adminUser({ roleCode: 'strapi-editor', ...editor });
    const editorLogin = await fetch(`${base}/admin/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(editor) });
    const ongoing = { kind: 'support-group', schedule: { timezone: 'America/New_York', firstSessionDate: new Date().toISOString().slice(0, 10), startTime: '18:00', durationMinutes: 90, repeats: 'weekly', ends: 'never' } };
    rows.push(
      await measure('panel: a 2-year ongoing weekly schedule (1 connection)', {
        url: `${base}/schedule-panel/preview`,
        method: 'POST',
        connections: 1,
        headers: { authorization: `Bearer ${(/** @type {any} */ (await editorLogin.json())).data.token}`, 'content-type': 'application/json' },
        body: JSON.stringify(ongoing),
      })
    );
    facts.peakMemoryMb = server.peakMemoryMb();
    await server.stop();
    server = null;
    currentServer = null;

    log(`\nBare Node http ceiling (the ${feedBytes.size}-program feed's bytes)`);
    const barePort = await freePort();
    const bodyFile = path.join(appDir, '.tmp', `bench-${stamp}-feed.json`);
    fs.writeFileSync(bodyFile, feedBytes.body);
    const bare = fork(path.join(__dirname, 'bare-server.js'), [String(barePort)], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'], env: { ...process.env, BARE_BODY_FILE: bodyFile, BARE_ETAG: feedBytes.etag } });
    await new Promise((resolve) => bare.on('message', (message) => message === 'ready' && resolve()));
    rows.push({ size: feedBytes.size, ...(await measure(`bare node http, same bytes @${feedBytes.size}`, { url: `http://127.0.0.1:${barePort}/` })) });
    bare.kill('SIGTERM');
    fs.rmSync(bodyFile, { force: true });
    // The same against the brotli bytes the feed sends to a client asking for br.
    const brPort = await freePort();
    fs.writeFileSync(bodyFile, feedBytes.br);
    const bareBr = fork(path.join(__dirname, 'bare-server.js'), [String(brPort)], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'], env: { ...process.env, BARE_BODY_FILE: bodyFile, BARE_ETAG: feedBytes.etag, BARE_ENCODING: 'br' } });
    await new Promise((resolve) => bareBr.on('message', (message) => message === 'ready' && resolve()));
    rows.push({ size: feedBytes.size, ...(await measure(`bare node http, same brotli bytes @${feedBytes.size}`, { url: `http://127.0.0.1:${brPort}/`, headers: { 'accept-encoding': 'br' } })) });
    bareBr.kill('SIGTERM');
    fs.rmSync(bodyFile, { force: true });
  } finally {
    if (server) await server.stop();
    await database.drop();
  }

  const summary = summarise(rows, facts, sizes);
  writeResults({ stamp, rows, facts, checks: summary, meta: { mode: quick ? 'quick' : 'full', database: client, sizes, durationSeconds: duration, connections, loadGenerator: generator, heapMegabytes }, log });
}

main().catch((error) => {
  process.stderr.write(`${error.stack || error}\n`);
  process.exit(1);
});
