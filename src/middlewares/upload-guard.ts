import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { Context, Next } from 'koa';

/**
 * An upload is checked for credentials before its body is read. Strapi authenticates a request once it is routed,
 * after `strapi::body` has parsed it: an anonymous multipart POST to /api/upload had its files written to the temp
 * folder (up to UPLOAD_MAX_FILE_SIZE each) before the 403. Here the same check runs first, Strapi's own: the
 * content API's strategies and the upload action's scope for /api/upload, the admin panel's login for a multipart
 * body anywhere else (/upload and the plugins' admin routes). A refused request is answered at once, with
 * `Connection: close`, so the rest of its body is never received.
 */
const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const UPLOAD_SCOPE = 'plugin::upload.content-api.upload';
const isUploadRoute = (path: string) => /^\/(api\/)?upload(\/|$)/i.test(path);

type Check = { type: 'content-api' | 'admin'; scope?: string[] };

/** Whether Strapi would let the request's credentials through `check`; when not, the 401 or 403 is set on `ctx`. */
const allowed = async (strapi: Core.Strapi, ctx: Context, { type, scope }: Check) => {
  const auth = strapi.get('auth');
  const { route, auth: previous, isAuthenticated } = ctx.state;
  ctx.state.route = { info: { type }, config: scope ? { auth: { scope } } : {} };
  try {
    let authenticated = false;
    await auth.authenticate(ctx, async () => {
      authenticated = true;
    });
    if (authenticated && scope) await auth.verify(ctx.state.auth, { scope });
    return authenticated;
  } catch (error) {
    if (error instanceof errors.UnauthorizedError) ctx.unauthorized();
    else if (error instanceof errors.ForbiddenError) ctx.forbidden();
    else throw error;
    return false;
  } finally {
    Object.assign(ctx.state, { route, auth: previous, isAuthenticated });
  }
};

export default (_config: unknown, { strapi }: { strapi: Core.Strapi }) =>
  async (ctx: Context, next: Next) => {
    if (!WRITES.has(ctx.method)) return next();
    const contentApi = ctx.path.toLowerCase().startsWith('/api/');
    // Other content-API writes take JSON only (global::json-only answers 415 before any body is read).
    const guarded = contentApi ? isUploadRoute(ctx.path) : isUploadRoute(ctx.path) || Boolean(ctx.is('multipart'));
    const hasBody = Number(ctx.get('content-length') || 0) > 0 || Boolean(ctx.get('transfer-encoding'));
    if (!guarded || !hasBody) return next();
    if (await allowed(strapi, ctx, contentApi ? { type: 'content-api', scope: [UPLOAD_SCOPE] } : { type: 'admin' })) return next();
    ctx.set('Connection', 'close');
  };
