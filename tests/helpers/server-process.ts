import { fork, type ChildProcess } from 'child_process';
import net from 'net';
import path from 'path';

const appDir = path.resolve(__dirname, '../..');

export const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const server = net.createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });

// eslint-disable-next-line @typescript-eslint/no-require-imports
export const { productionSecrets } = require('../../bench/production-env') as { productionSecrets: () => Record<string, string> };

export interface ServerProcess {
  url: string;
  child: ChildProcess;
  /** Everything the process printed. */
  output: () => string;
  stop(): Promise<void>;
}

/** Starts the compiled project (bench/server.js) as its own process and waits until it serves requests. */
export const startServerProcess = async (env: Record<string, string>): Promise<ServerProcess> => {
  const port = await freePort();
  let output = '';
  const child = fork(path.join(appDir, 'bench/server.js'), [], {
    cwd: appDir,
    env: { ...process.env, LOG_LEVEL: 'warn', CRON_ENABLED: 'false', ...env, PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.on('exit', (code, signal) => (output += `\n[process exited: code ${code}, signal ${signal}]\n`));
  await new Promise<void>((resolve, reject) => {
    const onExit = (code: number | null) => reject(new Error(`server exited with ${code} before it was ready:\n${output}`));
    child.once('exit', onExit);
    child.on('message', (message: { type?: string }) => {
      if (message.type === 'ready') {
        child.off('exit', onExit);
        resolve();
      }
    });
  });
  return {
    url: `http://127.0.0.1:${port}`,
    child,
    output: () => output,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
        setTimeout(() => child.kill('SIGKILL'), 10_000).unref();
      }),
  };
};
