import fs from 'fs';
import path from 'path';
import { compileStrapi } from '@strapi/strapi';

/**
 * Compiles the TypeScript project into dist/ once for the whole run; each test file then boots from dist/.
 * TEST_REUSE_DIST=true skips the compile when dist/ exists (repeating one test file in a loop).
 */
export default async function globalSetup() {
  process.env.NODE_ENV = 'test';
  if (process.env.TEST_REUSE_DIST === 'true' && fs.existsSync(path.join(process.cwd(), 'dist', 'src', 'index.js'))) return;
  await compileStrapi({ appDir: process.cwd() });
}
