/**
 * `npm run openapi` writes openapi.json (served at /api/openapi.json) from the routes Strapi loads, the permissions
 * in code and the zod schemas (src/openapi/). `npm run openapi -- --check` fails when the committed file is stale.
 * Strapi is loaded on a throwaway SQLite database, so generation touches no real data.
 */
import fs from 'fs';
import path from 'path';
import { compileStrapi, createStrapi } from '@strapi/strapi';
import { buildOpenApiDocument } from '../src/openapi';
import { OPENAPI_FILE } from '../src/api/openapi/controllers/openapi';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { randomSecrets } = require('./ensure-env') as { randomSecrets: () => Record<string, string> };

const main = async () => {
  const appDir = path.resolve(__dirname, '..');
  const target = path.join(appDir, OPENAPI_FILE);
  const database = path.join('.tmp', `openapi-${process.pid}.db`);
  Object.assign(process.env, { DATABASE_CLIENT: 'sqlite', DATABASE_FILENAME: database, SEED_DEMO_CONTENT: 'false', CRON_ENABLED: 'false', LOG_LEVEL: 'error' });
  // A throwaway database needs no lasting secrets: random ones where .env or the environment has none (a fresh clone).
  for (const [name, value] of Object.entries(randomSecrets())) process.env[name] ||= value;
  await compileStrapi({ appDir });
  const strapi = await createStrapi({ appDir, distDir: path.join(appDir, 'dist'), autoReload: false, serveAdminPanel: false }).load();
  try {
    const text = `${JSON.stringify(buildOpenApiDocument(strapi), null, 2)}\n`;
    if (process.argv.includes('--check')) {
      const current = fs.existsSync(target) ? fs.readFileSync(target, 'utf8') : '';
      if (current !== text) {
        process.stderr.write(`${OPENAPI_FILE} is out of date: run npm run openapi and commit it.\n`);
        process.exitCode = 1;
      }
    } else {
      fs.writeFileSync(target, text);
      process.stdout.write(`Wrote ${OPENAPI_FILE} (${Object.keys(JSON.parse(text).paths).length} paths).\n`);
    }
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n`);
    process.exitCode = 1;
  } finally {
    await strapi.destroy();
    fs.rmSync(path.join(appDir, database), { force: true });
  }
};

void main();
