import { randomUUID } from 'crypto';
import path from 'path';
import { Client } from 'pg';

/**
 * Every test file gets a database of its own: a fresh SQLite file under .tmp/, or, with DATABASE_CLIENT=postgres,
 * a fresh PostgreSQL database created beside DATABASE_NAME and dropped when the file's tests end.
 */
export interface TestDatabase {
  drop(): Promise<void>;
}

const adminClient = () =>
  new Client({
    connectionString: process.env.DATABASE_URL,
    host: process.env.DATABASE_HOST ?? '127.0.0.1',
    port: Number(process.env.DATABASE_PORT ?? 5432),
    user: process.env.DATABASE_USERNAME ?? 'postgres',
    password: process.env.DATABASE_PASSWORD,
    database: process.env.DATABASE_ADMIN_DB ?? 'postgres',
  });

export const createTestDatabase = async (): Promise<TestDatabase> => {
  const suffix = `${process.env.JEST_WORKER_ID ?? '0'}_${randomUUID().slice(0, 8)}`;

  if (process.env.DATABASE_CLIENT !== 'postgres') {
    process.env.DATABASE_FILENAME = path.join('.tmp', `test-${suffix}.db`);
    return { drop: async () => {} };
  }

  const name = `${process.env.TEST_DATABASE_PREFIX ?? 'counseling_test'}_${suffix}`.toLowerCase();
  const client = adminClient();
  await client.connect();
  await client.query(`CREATE DATABASE "${name}"`);
  await client.end();
  delete process.env.DATABASE_URL;
  process.env.DATABASE_NAME = name;
  return {
    drop: async () => {
      const dropper = adminClient();
      await dropper.connect();
      await dropper.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await dropper.end();
    },
  };
};
