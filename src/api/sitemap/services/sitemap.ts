import type { Core } from '@strapi/strapi';
import { pageUrl } from '#app/utils/page-urls';
import type { AppConfig } from '#app/utils/config';
import { sitemapXml, type SitemapEntry } from './xml';
import { getConfig } from '#app/utils/config';

/** The website pages that come from this CMS: published articles and programs, never a draft. */
const SOURCES = [
  { uid: 'api::article.article', template: (urls: AppConfig['website']['urls']) => urls.article },
  { uid: 'api::group-program.group-program', template: (urls: AppConfig['website']['urls']) => urls.program },
] as const;

const service = ({ strapi }: { strapi: Core.Strapi }) => {
  let cached: { xml: string; expiresAt: number } | undefined;
  const config = () => getConfig(strapi, 'website');

  const entries = async (): Promise<SitemapEntry[]> => {
    const settings = config();
    const lists = await Promise.all(
      SOURCES.map(async ({ uid, template }) => {
        const documents = await strapi.documents(uid).findMany({ status: 'published', fields: ['slug', 'updatedAt'], sort: ['slug:asc'] });
        return documents.map((document) => ({ loc: pageUrl(template(settings.urls), document.slug as string), lastmod: document.updatedAt as string }));
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
