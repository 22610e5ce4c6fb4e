import { randomUUID } from 'crypto';
import path from 'path';
import { Client } from 'pg';

/**
 * Every test file gets a database of its own: a fresh SQLite file under .tmp/, or, with DATABASE_CLIENT=postgres,
 * a fresh PostgreSQL database created beside DATABASE_NAME and dropped when the file's tests end.
 */
export interface TestDatabase {
  name: string;
  drop(): Promise<void>;
}

const adminClient = () =>
  new Client({
    host: process.env.DATABASE_HOST ?? '127.0.0.1',
    port: Number(process.env.DATABASE_PORT ?? 5432),
    user: process.env.DATABASE_USERNAME ?? 'postgres',
    password: process.env.DATABASE_PASSWORD,
    database: process.env.DATABASE_ADMIN_DB ?? 'postgres',
  });

const uniqueSuffix = () => `${process.env.JEST_WORKER_ID ?? '0'}_${randomUUID().slice(0, 8)}`;

/** A new, empty PostgreSQL database on the machine's server, whatever DATABASE_CLIENT says. */
export const createPostgresDatabase = async (): Promise<TestDatabase> => {
  const name = `${process.env.TEST_DATABASE_PREFIX ?? 'counseling_test'}_${uniqueSuffix()}`.toLowerCase();
  const client = adminClient();
  await client.connect();
  await client.query(`CREATE DATABASE "${name}"`);
  await client.end();
  return {
    name,
    drop: async () => {
      const dropper = adminClient();
      await dropper.connect();
      await dropper.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await dropper.end();
    },
  };
};

export const createTestDatabase = async (): Promise<TestDatabase> => {
  if (process.env.DATABASE_CLIENT !== 'postgres') {
    const name = path.join('.tmp', `test-${uniqueSuffix()}.db`);
    process.env.DATABASE_FILENAME = name;
    return { name, drop: async () => {} };
  }
  const database = await createPostgresDatabase();
  delete process.env.DATABASE_URL;
  process.env.DATABASE_NAME = database.name;
  return database;
};
