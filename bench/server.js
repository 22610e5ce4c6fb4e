#!/usr/bin/env node
'use strict';

/**
 * Starts the compiled project (dist/, from `npm run build` or compileStrapi) as a server, without the admin
 * panel unless SERVE_ADMIN_PANEL=true, for the benchmark, the multi-process tests and the browser tests. Configuration comes from the environment as usual.
 * Over an IPC channel (child_process.fork) it reports { type: 'ready', startupMs } and answers
 * { type: 'seed', ... } with { type: 'seeded', ... }. SIGTERM shuts it down cleanly.
 */
const path = require('path');
const { createStrapi } = require('@strapi/strapi');

const appDir = path.resolve(__dirname, '..');
const startedAt = process.hrtime.bigint();

async function main() {
  const strapi = createStrapi({ appDir, distDir: path.join(appDir, 'dist'), autoReload: false, serveAdminPanel: process.env.SERVE_ADMIN_PANEL === 'true' });
  await strapi.start();
  const startupMs = Number(process.hrtime.bigint() - startedAt) / 1e6;
  if (process.send) process.send({ type: 'ready', startupMs, port: strapi.config.get('server.port') });

  process.on('message', async (/** @type {any} */ message) => {
    if (message && message.type === 'config') {
      // Benchmark helper: switch a setting at run time (moderation on/off on the same warm server).
      strapi.config.set(message.key, message.value);
      process.send({ type: 'configured', key: message.key });
      return;
    }
    if (message && (message.type === 'profile-start' || message.type === 'profile-stop')) {
      // Benchmark helper (bench/profile.js): a CPU profile of what happens between start and stop alone.
      const { Session } = require('inspector');
      global.benchProfiler = global.benchProfiler || new Session();
      const session = global.benchProfiler;
      const post = (method) => new Promise((resolve, reject) => session.post(method, (error, result) => (error ? reject(error) : resolve(result))));
      if (message.type === 'profile-start') {
        session.connect();
        await post('Profiler.enable');
        await post('Profiler.start');
        process.send({ type: 'profiling' });
      } else {
        const { profile } = await post('Profiler.stop');
        session.disconnect();
        require('fs').writeFileSync(message.file, JSON.stringify(profile));
        process.send({ type: 'profiled', file: message.file });
      }
      return;
    }
    if (message && message.type === 'memory') {
      // Benchmark helper: memory now, after a full collection when the process runs with --expose-gc.
      if (global.gc) global.gc();
      process.send({ type: 'memory', usage: process.memoryUsage() });
      return;
    }
    if (message && message.type === 'admin-user') {
      // Test helper: an admin-panel user with the given role code (strapi-editor, strapi-moderator...).
      try {
        const role = await strapi.db.query('admin::role').findOne({ where: { code: message.roleCode } });
        await strapi.service('admin::user').create({
          email: message.email,
          firstname: message.firstname || 'Test',
          lastname: message.lastname || 'User',
          password: message.password,
          isActive: true,
          registrationToken: null,
          roles: [role.id],
        });
        process.send({ type: 'admin-user-created', email: message.email });
      } catch (error) {
        process.send({ type: 'admin-user-failed', error: String(error && error.stack ? error.stack : error) });
      }
      return;
    }
    if (message && message.type === 'publish-article') {
      // Benchmark helper: an editor's change, published (the response cache of both instances is cleared).
      const articles = await strapi.documents('api::article.article').findMany({ status: 'published', fields: ['title'], limit: 50 });
      const article = articles[message.turn % Math.max(1, articles.length)];
      if (article) {
        await strapi.documents('api::article.article').update({ documentId: article.documentId, data: { title: `${article.title.replace(/ \(\d+\)$/, '')} (${message.turn})` } });
        await strapi.documents('api::article.article').publish({ documentId: article.documentId });
      }
      process.send({ type: 'published', documentId: article && article.documentId });
      return;
    }
    if (message && message.type === 'clear-waiting') {
      // Benchmark helper: every waiting comment decided (rejected), so the next inbox case sees only its own.
      const { count } = await strapi.db.query('api::comment.comment').updateMany({ where: { moderationStatus: 'pending' }, data: { moderationStatus: 'rejected' } });
      process.send({ type: 'cleared', count });
      return;
    }
    if (message && message.type === 'seed') {
      try {
        const { seedScale } = require('./seed-scale');
        const result = await seedScale(strapi, message);
        // After a bulk load PostgreSQL plans with no statistics until autovacuum analyses the tables (never, where it
        // is off): a 200-comment thread's query then ran 200 ms instead of 2 ms. An operator analyses after an import.
        if (strapi.db.dialect.client === 'postgres') await strapi.db.connection.raw('ANALYZE');
        process.send({ type: 'seeded', ...result });
      } catch (error) {
        process.send({ type: 'seed-failed', error: String(error && error.stack ? error.stack : error) });
      }
    }
  });

  const stop = async () => {
    await strapi.destroy();
    process.exit(0);
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

main().catch((error) => {
  process.stderr.write(`bench server failed to start: ${error && error.stack ? error.stack : error}\n`);
  process.exit(1);
});
