import type { IncomingMessage, ServerResponse } from 'http';
import type { Core } from '@strapi/strapi';
import { configuredOrigins } from '../cors';
import { getConfig } from '../config';
import { keptAnswer, keptReadKey } from './answer';
import { responseCache } from './index';

type Listener = (request: IncomingMessage, response: ServerResponse) => void;
const header = (value: string | string[] | undefined) => (Array.isArray(value) ? value.join(', ') : value);

/**
 * Answers a request from a kept answer without Koa, when it can: the same answer the response-cache middleware
 * would send (src/middlewares/response-cache.ts, the rules in ./answer.ts), with none of the context, middleware
 * chain and promises a request through Koa costs (most of a warm hit's time). Anything else goes on to Koa: a miss,
 * a coding not yet compressed (the middleware compresses it once), any URL not in origin form or with a `#` (Koa's
 * URL parser drops a fragment; splitting at `?` would not).
 */
const answered = (strapi: Core.Strapi, allowedOrigins: '*' | string[], request: IncomingMessage, response: ServerResponse): boolean => {
  const url = request.url ?? '';
  if (!url.startsWith('/') || url.includes('#') || !getConfig(strapi, 'response-cache').enabled) return false;
  const mark = url.indexOf('?');
  const read = keptReadKey(
    {
      method: request.method ?? '',
      path: mark === -1 ? url : url.slice(0, mark),
      querystring: mark === -1 ? '' : url.slice(mark + 1),
      authorization: header(request.headers.authorization),
      origin: header(request.headers.origin),
      format: header(request.headers['strapi-response-format']) || header(request.headers['strapi-encode-source-maps']),
    },
    allowedOrigins
  );
  const entry = read ? responseCache(strapi)?.store.get(read.key) : undefined;
  if (!entry) return false;
  const { status, raw, encoding } = keptAnswer(entry, header(request.headers['accept-encoding']), header(request.headers['if-none-match']));
  const body = status === 304 ? null : encoding ? entry.variants[encoding] : entry.body;
  if (body === undefined) return false;
  response.writeHead(status, raw).end(body === null || request.method === 'HEAD' ? undefined : body);
  return true;
};

/** Puts the kept-answer check in front of the server's Koa listener (once, at bootstrap, after the cache exists). */
export const answerKeptReadsBeforeKoa = (strapi: Core.Strapi) => {
  const server = strapi.server.httpServer;
  const listeners = server.listeners('request') as Listener[];
  // Anything but Strapi's one listener: leave the server as it is (the middleware still answers every hit).
  if (listeners.length !== 1) return;
  const [koa] = listeners;
  const allowedOrigins = configuredOrigins(getConfig(strapi, 'middlewares'));
  server.removeListener('request', koa);
  server.on('request', (request: IncomingMessage, response: ServerResponse) => {
    let done = false;
    try {
      done = answered(strapi, allowedOrigins, request, response);
    } catch (error) {
      // Thrown here, outside Koa, it would stop the process: the request goes on to Koa, or is dropped if begun.
      strapi.log.error(`Response cache: a kept answer could not be sent: ${(error as Error).message}`);
      if (response.headersSent) {
        response.destroy();
        return;
      }
    }
    if (!done) koa.call(server, request, response);
  });
};
