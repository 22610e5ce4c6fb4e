import { Writable } from 'stream';
import type { Core } from '@strapi/strapi';
import { winston } from '@strapi/logger';

/**
 * Everything `strapi.log` writes from now on down to `level` (whatever LOG_LEVEL the console shows), as the lines a
 * log collector would store.
 */
export const captureLog = (strapi: Core.Strapi, level = 'http') => {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      lines.push(String(chunk));
      done();
    },
  });
  const transport = new winston.transports.Stream({ stream, level, format: winston.format.combine(winston.format.uncolorize(), winston.format.printf((info) => `${info.level}: ${String(info.message)}`)) });
  (strapi.log as unknown as winston.Logger).add(transport);
  return {
    lines,
    text: () => lines.join('\n'),
    stop: () => (strapi.log as unknown as winston.Logger).remove(transport),
  };
};
