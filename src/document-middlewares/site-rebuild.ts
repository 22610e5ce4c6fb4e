import type { Core, Modules, UID } from '@strapi/strapi';
import type { SiteChange, SiteRebuild } from '../site-rebuild';

/** What the website shows. Comments reach it through the API at request time, so they never rebuild it. */
const SITE_CONTENT = new Set<string>(['api::article.article', 'api::group-program.group-program', 'api::topic.topic']);
const WRITES = new Set(['create', 'update', 'publish', 'unpublish', 'delete']);

type Params = { documentId?: string; status?: string };

const hasDraftAndPublish = (strapi: Core.Strapi, uid: UID.ContentType) => strapi.contentType(uid).options?.draftAndPublish === true;

/**
 * A change the website can see calls the rebuild hooks: publish, unpublish, deleting a document that was published,
 * and a create or update that publishes at once (`status: 'published'`); for topics (no drafts) every save.
 * Saving a draft changes nothing the website shows, so it does not.
 */
export const siteRebuildMiddleware =
  (strapi: Core.Strapi, rebuild: SiteRebuild): Modules.Documents.Middleware.Middleware =>
  async (context, next) => {
    if (!SITE_CONTENT.has(context.uid) || !WRITES.has(context.action) || !rebuild.enabled()) return next();
    const uid = context.uid as UID.ContentType;
    const params = context.params as Params;
    const drafts = hasDraftAndPublish(strapi, uid);
    const action = context.action as SiteChange['action'];

    let visible = !drafts || action === 'publish' || action === 'unpublish' || params.status === 'published';
    if (action === 'delete' && drafts && params.documentId) {
      const published = await strapi.documents(uid).findOne({ documentId: params.documentId, status: 'published', fields: ['documentId'] });
      visible = published !== null;
    }
    const result = await next();
    const documentId = params.documentId ?? (result as { documentId?: string } | null)?.documentId;
    if (visible && documentId) rebuild.notify({ uid, action, documentId });
    return result;
  };
