import type { Context, Next } from 'koa';

/**
 * The content API takes JSON: a write to /api/... with another body type (multipart, form, text) answers 415 before
 * the body parser runs, so no upload ever reaches the temp folder through a comment or confirmation route.
 * Uploads go through the media library (/upload, admin) and /api/upload, whose permissions are in code and are
 * checked before their body is read (global::upload-guard).
 */
const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export default () => async (ctx: Context, next: Next) => {
  // Strapi's router matches paths case-insensitively, so this check does too.
  const route = ctx.path.toLowerCase();
  if (!WRITES.has(ctx.method) || !route.startsWith('/api/') || route.startsWith('/api/upload')) return next();
  const hasBody = Number(ctx.get('content-length') || 0) > 0 || Boolean(ctx.get('transfer-encoding'));
  if (hasBody && !ctx.is('application/json', 'application/*+json')) {
    ctx.status = 415;
    ctx.set('Accept', 'application/json');
    ctx.body = {
      data: null,
      error: { status: 415, name: 'UnsupportedMediaTypeError', message: 'Send the request body as JSON (Content-Type: application/json).', details: {} },
    };
    return;
  }
  return next();
};
