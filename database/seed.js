#!/usr/bin/env node
'use strict';

/**
 * `npm run seed`: loads the demo content (seed article, topics, programs, the article's reader comment) into the
 * configured database. Idempotent: running it again changes nothing.
 */
const path = require('path');
const { compileStrapi, createStrapi } = require('@strapi/strapi');

async function main() {
  const appContext = await compileStrapi();
  const strapi = await createStrapi({ ...appContext, autoReload: false, serveAdminPanel: false }).load();
  try {
    const { seedDemoContent } = require(path.join(appContext.distDir, 'src/seed/demo-content'));
    await seedDemoContent(strapi);
  } finally {
    await strapi.destroy();
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    process.stderr.write(`Seeding failed: ${error.stack || error}\n`);
    process.exit(1);
  }
);
