import { execFileSync } from 'child_process';
import fs from 'fs';
import path from 'path';
import { compileStrapi } from '@strapi/strapi';

/**
 * Compiles the TypeScript project into dist/ once for the whole run; each test file then boots from dist/.
 * TEST_REUSE_DIST=true skips the compile when dist/ exists (repeating one test file in a loop). Then the learned
 * risk models are trained once on the labelled corpus (scripts/train-risk-models.ts), so each test file's server,
 * starting on an empty database, reads them from the cache of trained models instead of training its own.
 */
export default async function globalSetup() {
  process.env.NODE_ENV = 'test';
  const reuse = process.env.TEST_REUSE_DIST === 'true' && fs.existsSync(path.join(process.cwd(), 'dist', 'src', 'index.js'));
  if (!reuse) await compileStrapi({ appDir: process.cwd() });
  execFileSync(process.execPath, [require.resolve('tsx/cli'), 'scripts/train-risk-models.ts'], { cwd: process.cwd(), stdio: 'inherit' });
}
