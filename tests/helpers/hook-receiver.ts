import http from 'http';
import type { AddressInfo } from 'net';

export interface ReceivedCall {
  headers: http.IncomingHttpHeaders;
  body: string;
  status: number;
}

/** A local HTTP server standing in for a website's build hook: it records every call and answers `nextStatus()`. */
export const startHookReceiver = async () => {
  const calls: ReceivedCall[] = [];
  const statuses: number[] = [];
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      const status = statuses.shift() ?? 200;
      calls.push({ headers: req.headers, body, status });
      res.writeHead(status, { 'content-type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hooks/rebuild`,
    calls,
    /** The next calls answer these statuses, in order (then 200). */
    answerNext: (...next: number[]) => statuses.push(...next),
    /** Resolves once `count` calls have arrived. */
    async waitForCalls(count: number) {
      while (calls.length < count) await new Promise((resolve) => setTimeout(resolve, 25));
      return calls.slice(0, count);
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
};
