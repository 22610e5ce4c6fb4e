import type { Core } from '@strapi/strapi';

/** Any number that is ours: the key of the PostgreSQL advisory lock around start-up. */
const STARTUP_LOCK_KEY = 7_311_994;

interface RawConnection {
  query: (sql: string, values: unknown[]) => Promise<unknown>;
}

let held: RawConnection | undefined;

/**
 * Instances that start together on one PostgreSQL database take turns from `register` to the end of
 * `bootstrap`: Strapi's schema sync, its plugins' role creation and our permissions, roles and seed then run in
 * one instance at a time, so nothing is created twice. A session advisory lock on a connection held for the
 * duration (released by `releaseStartupLock`, or by PostgreSQL if the process dies). SQLite is a local file used
 * by one process and needs none.
 */
export const acquireStartupLock = async (strapi: Core.Strapi) => {
  if (strapi.db.dialect.client !== 'postgres' || held) return;
  const client = strapi.db.connection.client as { acquireConnection(): Promise<RawConnection> };
  held = await client.acquireConnection();
  // Waiting for another instance's start-up (seed, model training) may take longer than the statement timeout
  // (DATABASE_STATEMENT_TIMEOUT), which would stop this instance: the wait has none. Put back on release.
  await held.query('SET statement_timeout = 0', []);
  await held.query('SELECT pg_advisory_lock($1)', [STARTUP_LOCK_KEY]);
};

export const releaseStartupLock = async (strapi: Core.Strapi) => {
  if (!held) return;
  const connection = held;
  held = undefined;
  try {
    await connection.query('SELECT pg_advisory_unlock($1)', [STARTUP_LOCK_KEY]);
    await connection.query('RESET statement_timeout', []);
  } finally {
    await (strapi.db.connection.client as { releaseConnection(connection: RawConnection): Promise<void> }).releaseConnection(connection);
  }
};
