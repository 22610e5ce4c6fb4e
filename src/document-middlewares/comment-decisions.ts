import type { Core, Modules } from '@strapi/strapi';
import { getService } from '../utils/services';

const COMMENT = 'api::comment.comment';

/**
 * What follows a decision on a comment, on every path (admin panel, API moderation, auto-approval, a block):
 * a status set through the Document Service resolves the comment's open reports, and a reply that is now approved
 * tells the author of the comment it answers (when they asked to be told); a deleted comment's reports go with it. Runs inside the moderation middleware,
 * so a new comment's status is already decided here.
 */
export const commentDecisionsMiddleware =
  (strapi: Core.Strapi): Modules.Documents.Middleware.Middleware =>
  async (context, next) => {
    if (context.uid !== COMMENT || !['create', 'update', 'delete'].includes(context.action)) return next();
    const params = context.params as { data?: Record<string, unknown>; documentId?: string };
    // A deleted comment (purge, erasure, admin) takes its readers' reports with it.
    if (context.action === 'delete') {
      if (params.documentId) await getService(strapi, 'api::comment-report.comment-report').forget(params.documentId);
      return next();
    }
    const data = params.data ?? {};
    const decided = context.action === 'update' && 'moderationStatus' in data;
    const result = await next();
    const saved = result as { documentId?: string; moderationStatus?: string } | null;
    const documentId = saved?.documentId ?? params.documentId;
    if (!documentId) return result;

    if (decided) await getService(strapi, 'api::comment-report.comment-report').resolve(documentId);
    const approvedReply = context.action === 'create' ? saved?.moderationStatus === 'approved' && Boolean(data.parent) : decided && data.moderationStatus === 'approved';
    if (approvedReply) {
      getService(strapi, 'api::commenter.reply-notifications').notifyLater(documentId);
    }
    return result;
  };
