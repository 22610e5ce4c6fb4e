import path from 'path';
import type { Core } from '@strapi/strapi';

type DatabaseClient = 'sqlite' | 'postgres';

const config = ({ env }: Core.Config.Shared.ConfigParams) => {
  const client = env('DATABASE_CLIENT', 'sqlite') as DatabaseClient;
  if (client !== 'sqlite' && client !== 'postgres') {
    throw new Error(`DATABASE_CLIENT must be "sqlite" or "postgres", got "${client}".`);
  }

  const connections = {
    sqlite: {
      connection: {
        filename: path.resolve(process.cwd(), env('DATABASE_FILENAME', '.tmp/data.db')),
      },
      useNullAsDefault: true,
    },
    postgres: {
      connection: {
        connectionString: env('DATABASE_URL'),
        host: env('DATABASE_HOST', '127.0.0.1'),
        port: env.int('DATABASE_PORT', 5432),
        database: env('DATABASE_NAME', 'strapi'),
        user: env('DATABASE_USERNAME', 'strapi'),
        password: env('DATABASE_PASSWORD', ''),
        ssl: env.bool('DATABASE_SSL', false) && {
          rejectUnauthorized: env.bool('DATABASE_SSL_REJECT_UNAUTHORIZED', true),
        },
        schema: env('DATABASE_SCHEMA', 'public'),
        // PostgreSQL cancels any statement running longer (ms; 0: never), and the request answers 503. SQLite has no
        // such limit: there the public-query budget (config/public-query.ts) is what bounds a statement.
        statement_timeout: env.int('DATABASE_STATEMENT_TIMEOUT', 10000),
      },
      pool: {
        min: env.int('DATABASE_POOL_MIN', 2),
        max: env.int('DATABASE_POOL_MAX', 10),
        // Fail fast while the database is away rather than queueing requests for a minute.
        acquireTimeoutMillis: env.int('DATABASE_ACQUIRE_TIMEOUT', 5000),
        createTimeoutMillis: env.int('DATABASE_CREATE_TIMEOUT', 3000),
      },
    },
  };

  return {
    connection: {
      client,
      ...connections[client],
      acquireConnectionTimeout: env.int('DATABASE_CONNECTION_TIMEOUT', 5000),
    },
  };
};

export default config;
