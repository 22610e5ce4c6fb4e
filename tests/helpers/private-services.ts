import { execFileSync, spawn, type ChildProcess } from 'child_process';
import fs from 'fs';
import os from 'os';
import path from 'path';
import { Client } from 'pg';
import { freePort } from './server-process';

/**
 * A private PostgreSQL cluster (initdb into a temporary folder, its own port) and a private Redis, for tests that
 * stop them (faults.test.ts, readiness.test.ts): never the machine's shared services.
 */
const PG_BIN = () => {
  const dir = fs
    .readdirSync('/usr/lib/postgresql')
    .map((version) => path.join('/usr/lib/postgresql', version, 'bin'))
    .find((candidate) => fs.existsSync(path.join(candidate, 'initdb')));
  if (!dir) throw new Error('PostgreSQL server binaries (initdb, pg_ctl) are not installed');
  return dir;
};

/** initdb refuses to run as root, so the private cluster belongs to the postgres user, as the machine's does. */
const asPostgres = (binary: string, args: string[]) => {
  const program = path.join(PG_BIN(), binary);
  return process.getuid?.() === 0
    ? execFileSync('runuser', ['-u', 'postgres', '--', program, ...args], { stdio: 'pipe' })
    : execFileSync(program, args, { stdio: 'pipe' });
};

export interface PrivatePostgres {
  port: number;
  database: string;
  start(): void;
  stop(): void;
  remove(): void;
}

export const startPrivatePostgres = async (database = 'counseling'): Promise<PrivatePostgres> => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'counseling-pg-'));
  fs.chownSync(dataDir, Number(execFileSync('id', ['-u', 'postgres']).toString()), Number(execFileSync('id', ['-g', 'postgres']).toString()));
  const port = await freePort();
  asPostgres('initdb', ['-D', dataDir, '-U', 'postgres', '--auth=trust', '--no-sync']);
  const start = () =>
    asPostgres('pg_ctl', ['-D', dataDir, '-w', '-t', '30', '-o', `-p ${port} -c listen_addresses=127.0.0.1 -k ${dataDir}`, '-l', path.join(dataDir, 'log'), 'start']);
  const stop = () => asPostgres('pg_ctl', ['-D', dataDir, '-w', '-t', '30', '-m', 'fast', 'stop']);
  start();
  const admin = new Client({ host: '127.0.0.1', port, user: 'postgres', database: 'postgres' });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${database}"`);
  await admin.end();
  return {
    port,
    database,
    start,
    stop,
    remove() {
      try {
        stop();
      } catch {
        // already stopped
      }
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
};

export interface PrivateRedis {
  port: number;
  url: string;
  start(): Promise<void>;
  kill(): void;
}

export const privateRedis = async (): Promise<PrivateRedis> => {
  const port = await freePort();
  let child: ChildProcess | undefined;
  return {
    port,
    url: `redis://127.0.0.1:${port}`,
    async start() {
      child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
      for (let i = 0; i < 100; i += 1) {
        try {
          execFileSync('redis-cli', ['-p', String(port), 'ping'], { stdio: 'pipe' });
          return;
        } catch {
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
      }
      throw new Error('private Redis did not start');
    },
    kill() {
      child?.kill('SIGKILL');
      child = undefined;
    },
  };
};
