import type { Core, Modules } from '@strapi/strapi';
import { fieldError } from '../utils/validation';
import type { BlockRow } from '../api/commenter-block/services/commenter-block';
import { getService } from '../utils/services';

const BLOCK = 'api::commenter-block.commenter-block';

const blank = (value: unknown) => value === undefined || value === null || (typeof value === 'string' && value.trim() === '');

/**
 * A block names an email address or an IP hash (stored trimmed, the address in lower case); with `rejectPending`,
 * saving it rejects that author's pending comments at once and records how many.
 */
export const blockMiddleware =
  (strapi: Core.Strapi): Modules.Documents.Middleware.Middleware =>
  async (context, next) => {
    if (context.uid !== BLOCK || (context.action !== 'create' && context.action !== 'update')) return next();
    const data = (context.params as { data?: Record<string, unknown> }).data;
    if (!data) return next();
    for (const field of ['email', 'ipHash'] as const) {
      if (field in data) data[field] = blank(data[field]) ? null : String(data[field]).trim();
    }
    if (typeof data.email === 'string') data.email = data.email.toLowerCase();
    const documentId = (context.params as { documentId?: string }).documentId;
    const before = context.action === 'update' && documentId ? await strapi.db.query(BLOCK).findOne({ where: { documentId }, select: ['email', 'ipHash'] }) : null;
    const email = 'email' in data ? data.email : before?.email;
    const ipHash = 'ipHash' in data ? data.ipHash : before?.ipHash;
    if (!email && !ipHash) throw fieldError('email', 'A block needs an email address or an IP hash');

    const result = await next();
    const saved = result as { documentId?: string } | null;
    if (saved?.documentId && data.rejectPending === true) {
      const stored = (await strapi.db.query(BLOCK).findOne({
        where: { documentId: saved.documentId },
        select: ['id', 'email', 'ipHash', 'reason', 'pendingRejected'],
      })) as BlockRow & { pendingRejected: number | null };
      const rejected = await getService(strapi, 'api::commenter-block.commenter-block').rejectPendingOf(stored);
      // Every save with the box ticked rejects what is pending then; the count adds up.
      await strapi.db.query(BLOCK).update({ where: { id: stored.id }, data: { pendingRejected: (stored.pendingRejected ?? 0) + rejected } });
      strapi.log.info(`Block ${stored.id}: rejected ${rejected} pending comment(s).`);
    }
    return result;
  };
