import fs from 'fs';
import path from 'path';
import { createStrapi } from '@strapi/strapi';
import type { Core } from '@strapi/strapi';
import request from 'supertest';
import { createTestDatabase, type TestDatabase } from './database';

const appDir = path.resolve(__dirname, '../..');
const distDir = path.join(appDir, 'dist');

export interface TestApp {
  strapi: Core.Strapi;
  http: () => ReturnType<typeof request>;
  /** Stops this Strapi and starts it again on the same database, as a deployment restarts. */
  restart(): Promise<void>;
  stop(): Promise<void>;
}

const boot = async () => {
  const strapi = await createStrapi({ appDir, distDir, autoReload: false, serveAdminPanel: false }).load();
  strapi.server.mount();
  return strapi;
};

/** Boots a real Strapi from dist/ on this file's own database and mounts its HTTP server. */
export const startStrapi = async (env: Record<string, string> = {}): Promise<TestApp> => {
  // Jest runs several files in one worker: this file's settings must not leak into the next one (a cron rule that
  // fires every second would add queries to another file's query counts).
  const previous = Object.fromEntries(Object.keys(env).map((key) => [key, process.env[key]]));
  const restoreEnv = () => {
    for (const [key, value] of Object.entries(previous)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  };
  Object.assign(process.env, env);
  let database: TestDatabase | undefined;
  try {
    database = await createTestDatabase();
    const filename = process.env.DATABASE_FILENAME;
    const app: TestApp = {
      strapi: await boot(),
      http: () => request(app.strapi.server.httpServer),
      async restart() {
        await new Promise((resolve) => setTimeout(resolve, 300));
        await app.strapi.destroy();
        app.strapi = await boot();
      },
      async stop() {
        // Strapi emits document events after a create has answered, without awaiting them; let those queries
        // finish before the pool closes, or their rejection lands in the next test file.
        await new Promise((resolve) => setTimeout(resolve, 300));
        await app.strapi.destroy();
        await database?.drop();
        if (process.env.DATABASE_CLIENT !== 'postgres' && filename) fs.rmSync(path.join(appDir, filename), { force: true });
        restoreEnv();
      },
    };
    return app;
  } catch (error) {
    await database?.drop();
    restoreEnv();
    throw error;
  }
};
