import type { Core } from '@strapi/strapi';
import type { Context, Next } from 'koa';
import { redactUrl } from '../utils/redact-url';

/**
 * The access log, in place of `strapi::logger` (same line, same `http` level): `GET /api/commenters/confirm?token=[redacted] (4 ms) 200`.
 * Tokens in links (confirmation, unsubscribe, export, erasure, admin invitations) never reach the log.
 */
export default (_config: unknown, { strapi }: { strapi: Core.Strapi }) =>
  async (ctx: Context, next: Next) => {
    const start = Date.now();
    try {
      await next();
    } finally {
      strapi.log.http(`${ctx.method} ${redactUrl(ctx.originalUrl)} (${Math.ceil(Date.now() - start)} ms) ${ctx.status}`);
    }
  };
