import type { Core, Modules } from '@strapi/strapi';
import { responseCache } from '../utils/response-cache';
import { CACHED_TYPES } from '../utils/response-cache/routes';

const READ_ACTIONS = new Set(['findOne', 'findFirst', 'findMany', 'count']);

/**
 * Any change to a document that cached public answers are made of (save, publish, unpublish, discard, delete, a
 * comment's decision) clears those answers at once, here and on every instance sharing Redis. A new comment that
 * waits for review changes no public answer and clears nothing.
 */
export const responseCacheMiddleware =
  (strapi: Core.Strapi): Modules.Documents.Middleware.Middleware =>
  async (context, next) => {
    if (!CACHED_TYPES.has(context.uid) || READ_ACTIONS.has(context.action)) return next();
    const result = await next();
    const heldForReview = context.action === 'create' && context.uid === 'api::comment.comment' && (result as { moderationStatus?: string } | null)?.moderationStatus !== 'approved';
    if (!heldForReview) responseCache(strapi)?.invalidate([context.uid]);
    return result;
  };
