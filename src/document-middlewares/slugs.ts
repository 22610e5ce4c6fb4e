import type { Core, Modules, UID } from '@strapi/strapi';
import { firstFreeSlug, toSlug } from '../utils/slug';
import { isNewTranslation, writeLocale } from './translations';

/** Content types whose `slug` derives from another field. */
export const SLUG_SOURCES: Partial<Record<UID.ContentType, string>> = {
  'api::article.article': 'title',
  'api::group-program.group-program': 'title',
  'api::topic.topic': 'name',
};

type DocumentData = Record<string, unknown>;

const availableSlug = async (strapi: Core.Strapi, uid: UID.ContentType, base: string, documentId?: string, locale?: string) => {
  const rows: Array<{ slug: string }> = await strapi.db.query(uid).findMany({
    select: ['slug'],
    where: {
      slug: { $startsWith: base },
      ...(documentId ? { documentId: { $ne: documentId } } : {}),
      ...(locale ? { locale } : {}),
    },
  });
  return firstFreeSlug(base, rows.map((row) => row.slug));
};

/**
 * Every create path (admin, REST, Document Service, seed) gets a slug, and so does a document's first version in
 * another locale: a hand-set slug is normalised, a missing one derives from the title and gets `-2`, `-3`... when
 * taken in that locale (slugs are unique per locale: a translation may keep the same slug). Updates keep the stored slug unless the editor
 * clears it or sets a new one.
 */
export const slugMiddleware =
  (strapi: Core.Strapi): Modules.Documents.Middleware.Middleware =>
  async (context, next) => {
    const sourceField = SLUG_SOURCES[context.uid];
    if (!sourceField || (context.action !== 'create' && context.action !== 'update')) return next();

    const params = context.params as { data?: DocumentData; documentId?: string; locale?: unknown };
    const data = params.data;
    if (!data) return next();

    // Slugs are unique per locale; an update in a locale the document has no version in yet creates one: a create.
    const locale = writeLocale(strapi, context.uid, params.locale);
    const newVersion = await isNewTranslation(strapi, context.uid, context.action, params);
    const isCreate = context.action === 'create' || newVersion;
    // The admin panel fills a new document's slug from the still-empty title ("group-program", "article-1"):
    // nobody chose that, so a create derives the slug from the title instead.
    const placeholder = new RegExp(`^${strapi.contentType(context.uid).info.singularName}(-\\d+)?$`);
    if (isCreate && typeof data.slug === 'string' && placeholder.test(data.slug) && typeof data[sourceField] === 'string') delete data.slug;
    const slugGiven = typeof data.slug === 'string' && data.slug.trim() !== '';
    const slugCleared = 'slug' in data && !slugGiven;

    if (slugGiven) {
      data.slug = toSlug(data.slug as string);
    } else if (isCreate || slugCleared) {
      let source = data[sourceField];
      if (typeof source !== 'string' && params.documentId && !newVersion) {
        const current = await strapi.db.query(context.uid).findOne({
          select: [sourceField],
          where: { documentId: params.documentId, ...(locale ? { locale } : {}) },
        });
        source = current?.[sourceField];
      }
      const base = typeof source === 'string' ? toSlug(source) : '';
      if (base) data.slug = await availableSlug(strapi, context.uid, base, params.documentId, locale);
    }

    return next();
  };
