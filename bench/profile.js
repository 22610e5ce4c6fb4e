#!/usr/bin/env node
'use strict';

/**
 * `node bench/profile.js [--programs 1000] [--duration 8] [--case article|list|thread|ics|feed] [--top 25] [--no-profile]`
 *
 * Where an uncached answer spends its time: starts the compiled project (dist/, compile first with `npm run bench`
 * or `npm run build`) as a production server, seeds the programs, switches the response cache off, drives the case
 * with 10 connections while the server records a CPU profile (node:inspector, bench/server.js), and prints the self
 * time by package and by function (the .cpuprofile is kept in .tmp/profiles/ for Chrome DevTools).
 */
const fs = require('fs');
const path = require('path');
const net = require('net');
const { fork } = require('child_process');
const autocannon = require('autocannon');
const { productionSecrets } = require('./production-env');

const appDir = path.resolve(__dirname, '..');
const args = process.argv.slice(2);
const option = (name, fallback) => (args.includes(`--${name}`) ? args[args.indexOf(`--${name}`) + 1] : fallback);
const programs = Number(option('programs', 1000));
const duration = Number(option('duration', 8));
const top = Number(option('top', 25));
const which = option('case', 'article');
const profiling = !args.includes('--no-profile');

const freePort = () =>
  new Promise((resolve) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = /** @type {import('net').AddressInfo} */ (server.address());
      server.close(() => resolve(port));
    });
  });

/** Self time per package (node_modules/<name>, the app's dist/, node internals) and per function. */
const summariseProfile = (file) => {
  const profile = JSON.parse(fs.readFileSync(file, 'utf8'));
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const selfMs = new Map();
  for (let index = 0; index < profile.samples.length; index += 1) {
    const id = profile.samples[index];
    selfMs.set(id, (selfMs.get(id) || 0) + (profile.timeDeltas[index] || 0) / 1000);
  }
  const packages = new Map();
  const functions = new Map();
  let total = 0;
  for (const [id, ms] of selfMs) {
    const { callFrame } = byId.get(id);
    const url = callFrame.url || '';
    const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url)?.[1] ?? (url.includes('/dist/') ? 'app (dist/)' : url ? 'node internals' : callFrame.functionName || '(native)');
    const name = `${callFrame.functionName || '(anonymous)'} ${url.replace(/^.*node_modules\//, '').replace(appDir, '.')}:${callFrame.lineNumber + 1}`;
    packages.set(pkg, (packages.get(pkg) || 0) + ms);
    functions.set(name, (functions.get(name) || 0) + ms);
    total += ms;
  }
  const table = (map) =>
    [...map.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([name, ms]) => `${((100 * ms) / total).toFixed(1).padStart(5)}%  ${name}`)
      .join('\n');
  return `Self time by package:\n${table(packages)}\n\nSelf time by function:\n${table(functions)}`;
};

async function main() {
  const port = await freePort();
  const profileDir = path.join(appDir, '.tmp', 'profiles');
  fs.mkdirSync(profileDir, { recursive: true });
  const stamp = Date.now();
  const databaseFile = path.join('.tmp', `profile-${stamp}.db`);
  const child = fork(path.join(__dirname, 'server.js'), [], {
    cwd: appDir,
    env: { ...process.env, ...productionSecrets(), DATABASE_CLIENT: process.env.DATABASE_CLIENT || 'sqlite', DATABASE_FILENAME: databaseFile, LOG_LEVEL: 'warn', CRON_ENABLED: 'false', SEED_DEMO_CONTENT: 'false', PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const ask = (message, answer) =>
    new Promise((resolve) => {
      const listener = (reply) => reply.type === answer && (child.off('message', listener), resolve(reply));
      child.on('message', listener);
      if (message) child.send(message);
    });
  await ask(null, 'ready');
  const seeded = await ask({ type: 'seed', programs, articles: 20, comments: 200 }, 'seeded');
  const base = `http://127.0.0.1:${port}`;
  const urls = {
    article: `/api/articles/${seeded.articleSlug}`,
    list: '/api/group-programs',
    thread: `/api/articles/${seeded.articleSlug}/comments`,
    ics: '/api/group-programs/upcoming.ics',
    feed: '/api/group-programs/upcoming',
  };
  const bytes = (await fetch(`${base}${urls[which]}`).then((response) => response.arrayBuffer())).byteLength;
  await ask({ type: 'config', key: 'response-cache.enabled', value: false }, 'configured');
  const file = path.join(profileDir, `${which}-${stamp}.cpuprofile`);
  if (profiling) await ask({ type: 'profile-start' }, 'profiling');
  const result = await autocannon({ url: `${base}${urls[which]}`, connections: 10, duration });
  if (profiling) await ask({ type: 'profile-stop', file }, 'profiled');
  const profiled = profiling ? 'profiled' : 'no profiler';
  process.stdout.write(`${which} (${urls[which]}, ${bytes} bytes) @${programs}, cache off, 10 connections, ${profiled}: ${Math.round(result.requests.average)} req/s, p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, non-2xx ${result.non2xx}\n\n`);
  await new Promise((resolve) => {
    child.once('exit', resolve);
    child.kill('SIGTERM');
  });
  fs.rmSync(path.join(appDir, databaseFile), { force: true });
  if (profiling) process.stdout.write(`${summariseProfile(file)}\n\n(profile: ${path.relative(appDir, file)})\n`);
}

main().catch((error) => {
  process.stderr.write(`${error.stack || error}\n`);
  process.exit(1);
});
