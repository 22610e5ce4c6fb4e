import type { Core, Modules } from '@strapi/strapi';
import { getService } from '../utils/services';

const FEED_SOURCES = new Set(['api::group-program.group-program', 'api::topic.topic']);
const READ_ACTIONS = new Set(['findOne', 'findFirst', 'findMany', 'count']);

/** Any change to a program or topic (save, publish, unpublish, discard, delete) clears what the feed keeps at once. */
export const feedCacheMiddleware =
  (strapi: Core.Strapi): Modules.Documents.Middleware.Middleware =>
  async (context, next) => {
    if (!FEED_SOURCES.has(context.uid) || READ_ACTIONS.has(context.action)) return next();
    const result = await next();
    getService(strapi, 'api::group-program.feed').invalidate();
    return result;
  };
