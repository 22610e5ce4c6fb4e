import type { Core, Modules, UID } from '@strapi/strapi';
import { clears, clearsAny } from '../cache/invalidation';
import type { SiteChange, SiteRebuild } from '../site-rebuild';
import { hasDraftAndPublish } from '../utils/content-types';
import { responseCache } from '../utils/response-cache';
import { getService } from '../utils/services';
import { defaultLocale, isLocalised } from '../utils/locales';

type Context = Parameters<Modules.Documents.Middleware.Middleware>[0];
type Params = { documentId?: string; status?: string };

const READ_ACTIONS = new Set(['findOne', 'findFirst', 'findMany', 'count']);
const WEBSITE_WRITES = new Set(['create', 'update', 'publish', 'unpublish', 'delete']);

/** A new comment waiting for review is on no public page. */
const heldForReview = (context: Context, result: unknown) =>
  context.action === 'create' && context.uid === 'api::comment.comment' && (result as { moderationStatus?: string } | null)?.moderationStatus !== 'approved';

/**
 * Whether the website can see this write: publish, unpublish, a save with `status: 'published'`, deleting a
 * document that was published (asked before it goes); for types without drafts, every write. Saving a draft is not.
 */
const websiteSees = async (strapi: Core.Strapi, context: Context): Promise<boolean> => {
  const uid = context.uid as UID.ContentType;
  const params = context.params as Params;
  const drafts = hasDraftAndPublish(strapi, uid);
  if (context.action === 'delete' && drafts && params.documentId) {
    // In the deleted locale (every locale for `*`; the default locale when none is named, as Strapi deletes).
    const asked = (params as { locale?: unknown }).locale;
    const locale = isLocalised(strapi, uid) && asked !== '*' ? { locale: typeof asked === 'string' ? asked : defaultLocale(strapi) } : {};
    return (await strapi.db.query(uid).count({ where: { documentId: params.documentId, publishedAt: { $notNull: true }, ...locale } })) > 0;
  }
  return !drafts || context.action === 'publish' || context.action === 'unpublish' || params.status === 'published';
};

/**
 * Any write to a document that kept answers are made of (src/cache/invalidation.ts) clears them once it succeeded:
 * the feed's rankings, the sitemap, the cached public reads (here and on every instance sharing Redis), and calls the
 * website's rebuild hooks for what it can see.
 */
export const cacheInvalidationMiddleware =
  (strapi: Core.Strapi, rebuild: SiteRebuild): Modules.Documents.Middleware.Middleware =>
  async (context, next) => {
    if (READ_ACTIONS.has(context.action) || !clearsAny(context.uid)) return next();
    const rebuilds = clears('website', context.uid) && WEBSITE_WRITES.has(context.action) && rebuild.enabled() && (await websiteSees(strapi, context));

    const result = await next();
    if (clears('feed', context.uid)) getService(strapi, 'api::group-program.feed').invalidate();
    if (clears('sitemap', context.uid)) getService(strapi, 'api::sitemap.sitemap').invalidate();
    if (clears('responses', context.uid) && !heldForReview(context, result)) responseCache(strapi)?.invalidate([context.uid]);
    if (rebuilds) {
      const documentId = (context.params as Params).documentId ?? (result as { documentId?: string } | null)?.documentId;
      if (documentId) rebuild.notify({ uid: context.uid, action: context.action as SiteChange['action'], documentId });
    }
    return result;
  };
