import type { Core } from '@strapi/strapi';
import { localisedTemplate, pageUrl } from '#app/utils/page-urls';
import { defaultLocale } from '#app/utils/locales';
import type { AppConfig } from '#app/utils/config';
import { sitemapXml, type SitemapEntry } from './xml';
import { getConfig } from '#app/utils/config';

/**
 * The website pages that come from this CMS: published articles and programs in every locale, never a draft; a
 * page published in more than one language lists its translations (`hreflang`).
 */
const SOURCES = [
  { uid: 'api::article.article', template: (urls: AppConfig['website']['urls']) => urls.article },
  { uid: 'api::group-program.group-program', template: (urls: AppConfig['website']['urls']) => urls.program },
] as const;

const service = ({ strapi }: { strapi: Core.Strapi }) => {
  let cached: { xml: string; expiresAt: number } | undefined;
  const config = () => getConfig(strapi, 'website');

  const entries = async (): Promise<SitemapEntry[]> => {
    const settings = config();
    const fallback = defaultLocale(strapi);
    const lists = await Promise.all(
      SOURCES.map(async ({ uid, template }) => {
        const documents = (await strapi.documents(uid).findMany({ status: 'published', locale: '*', fields: ['slug', 'updatedAt', 'locale'], sort: ['slug:asc'] })) as unknown as Array<{
          documentId: string;
          slug: string;
          updatedAt: string;
          locale?: string | null;
        }>;
        const urlOf = (document: (typeof documents)[number]) => pageUrl(localisedTemplate(template(settings.urls), document.locale ?? fallback, fallback), document.slug);
        const byDocument = new Map<string, typeof documents>();
        for (const document of documents) byDocument.set(document.documentId, [...(byDocument.get(document.documentId) ?? []), document]);
        return documents.map((document) => ({
          loc: urlOf(document),
          lastmod: document.updatedAt,
          alternates: byDocument.get(document.documentId)!.map((version) => ({ hreflang: version.locale ?? fallback, href: urlOf(version) })),
        }));
      })
    );
    return lists.flat();
  };

  return {
    /** The sitemap, from the process cache while fresh. */
    async xml() {
      if (cached && cached.expiresAt > Date.now()) return cached.xml;
      const xml = sitemapXml(await entries());
      cached = { xml, expiresAt: Date.now() + config().sitemap.cacheSeconds * 1000 };
      return xml;
    },
    /** Called by a Document Service middleware on every change to an article or program. */
    invalidate() {
      cached = undefined;
    },
  };
};

export default service;

declare module '#app/utils/services' {
  interface Services {
    'api::sitemap.sitemap': ReturnType<typeof service>;
  }
}
