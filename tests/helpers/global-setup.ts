import { compileStrapi } from '@strapi/strapi';

/** Compiles the TypeScript project into dist/ once for the whole run; each test file then boots from dist/. */
export default async function globalSetup() {
  process.env.NODE_ENV = 'test';
  await compileStrapi({ appDir: process.cwd() });
}
