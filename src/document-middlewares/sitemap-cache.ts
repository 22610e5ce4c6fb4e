import type { Core, Modules } from '@strapi/strapi';
import { getService } from '../utils/services';

const SITEMAP_SOURCES = new Set(['api::article.article', 'api::group-program.group-program']);
const READ_ACTIONS = new Set(['findOne', 'findFirst', 'findMany', 'count']);

/** Any change to an article or program (save, publish, unpublish, delete) clears this process's sitemap at once. */
export const sitemapCacheMiddleware =
  (strapi: Core.Strapi): Modules.Documents.Middleware.Middleware =>
  async (context, next) => {
    if (!SITEMAP_SOURCES.has(context.uid) || READ_ACTIONS.has(context.action)) return next();
    const result = await next();
    getService(strapi, 'api::sitemap.sitemap').invalidate();
    return result;
  };
