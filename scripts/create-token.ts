/**
 * `npm run token:create -- --name website-build [--description "..."] [--days 7|30|90]`
 * Compiles the project, loads Strapi on the configured database, creates a read-only API token for a website's
 * build (src/tokens/build-token.ts) and prints it once: Strapi keeps only a hash, so store it now.
 */
import path from 'path';
import { parseArgs } from 'util';
import { compileStrapi, createStrapi } from '@strapi/strapi';
import { createBuildToken } from '../src/tokens/build-token';

const main = async () => {
  const { values } = parseArgs({
    options: { name: { type: 'string' }, description: { type: 'string' }, days: { type: 'string' } },
  });
  if (!values.name) {
    process.stderr.write('Usage: npm run token:create -- --name website-build [--description "..."] [--days 7|30|90]\n');
    process.exitCode = 2;
    return;
  }
  const appDir = path.resolve(__dirname, '..');
  await compileStrapi({ appDir });
  const strapi = await createStrapi({ appDir, distDir: path.join(appDir, 'dist'), autoReload: false, serveAdminPanel: false }).load();
  try {
    const accessKey = await createBuildToken(strapi, {
      name: values.name,
      description: values.description,
      lifespanDays: values.days ? Number(values.days) : null,
    });
    process.stdout.write(`\nRead-only API token "${values.name}" (shown once, store it as a secret of the website's build):\n\n${accessKey}\n\n`);
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n`);
    process.exitCode = 1;
  } finally {
    await strapi.destroy();
  }
};

void main();
