import type { Core, Modules } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { z } from 'zod';
import { parseInput } from '../utils/validation';
import { maskEmail } from '../api/data-request/services/data-request';
import { getService } from '#app/utils/services';
import { getConfig } from '#app/utils/config';

const DATA_REQUEST = 'api::data-request.data-request';

const adminRequest = z.object({
  email: z.string({ error: 'email must be an email address' }).trim().toLowerCase().pipe(z.email({ error: 'email must be a valid email address' })),
  kind: z.enum(['export', 'erase'], { error: 'kind must be export or erase' }),
});

const adminActor = (strapi: Core.Strapi) => {
  const ctx = strapi.requestContext.get() as { state?: { user?: { email?: string } } } | undefined;
  return ctx?.state?.user?.email ? `admin:${ctx.state.user.email}` : 'system';
};

/**
 * An administrator creates a data request in the Content Manager for an address (a request made by letter or
 * phone): an erasure is carried out at once, an export emails the address its download link. Either way the row
 * is the log. The log is written once: it cannot be edited or deleted through the Document Service.
 */
export const dataRequestMiddleware =
  (strapi: Core.Strapi): Modules.Documents.Middleware.Middleware =>
  async (context, next) => {
    if (context.uid !== DATA_REQUEST) return next();
    if (['update', 'delete', 'publish', 'unpublish', 'discardDraft'].includes(context.action)) {
      throw new errors.ForbiddenError('The log of data requests cannot be changed.');
    }
    if (context.action !== 'create') return next();
    const params = context.params as { data?: Record<string, unknown> };
    const { email, kind } = parseInput(adminRequest, { email: params.data?.email, kind: params.data?.kind });
    params.data = { email, kind, requestedBy: adminActor(strapi), status: 'requested' };
    const result = await next();
    const saved = result as { id: number };

    const log = getService(strapi, 'api::data-request.data-request');
    try {
      if (kind === 'export') {
        await log.sendLink('export', email, saved.id);
      } else {
        const mode = getConfig(strapi, 'readers').erasureMode;
        const counts = await getService(strapi, 'api::data-request.reader-data').erase(email, mode);
        await log.complete(saved.id, { ...counts }, { email: maskEmail(email), mode });
      }
    } catch (error) {
      // Nothing half-done: the erasure rolled back, so the log entry goes too and the administrator can try again.
      await strapi.db.query(DATA_REQUEST).delete({ where: { id: saved.id } });
      strapi.log.error(`Data request (${kind}) failed: ${(error as Error).message}`);
      throw new errors.ApplicationError(kind === 'export' ? 'The email with the download link could not be sent; nothing was logged. Try again later.' : 'The erasure failed and was rolled back; nothing was logged. Try again later.');
    }
    return result;
  };
