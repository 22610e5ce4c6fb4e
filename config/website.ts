import type { Core } from '@strapi/strapi';
import { DEFAULT_ARTICLE_URL_TEMPLATE, DEFAULT_PROGRAM_URL_TEMPLATE } from '../src/utils/page-urls';
import { readSecret } from '../src/utils/secrets';

/**
 * What the websites built on this CMS rely on besides the content API: readiness, rebuild hooks and the
 * sitemap (the editors' preview is in config/admin.ts, src/preview/). Documented in docs/website-developers.md.
 */
const config = ({ env }: Core.Config.Shared.ConfigParams) => {
  const rebuildUrls = env
    .array('SITE_REBUILD_URLS', [])
    .map((url) => url.trim())
    .filter(Boolean);

  return {
    /** `GET /_ready`: the database always, Redis when REDIS_URL is set; each check gives up after this long. */
    readiness: {
      redisUrl: env('REDIS_URL', ''),
      timeoutMs: env.int('READINESS_TIMEOUT_MS', 2000),
    },
    /** Hooks called when published content changes (a static site rebuilds). */
    rebuild: {
      urls: rebuildUrls,
      /** One call per burst: the hook fires this long after the last change of the burst. */
      debounceSeconds: env.float('SITE_REBUILD_DEBOUNCE_SECONDS', 30),
      /** Signs each call (HMAC-SHA256 of the body, header X-Signature-256); required in production when hooks are set. */
      secret: rebuildUrls.length > 0 ? readSecret(process.env, 'SITE_REBUILD_SECRET') : '',
      /** A failed call is tried again this many times, waiting retryBaseSeconds, then twice as long each time. */
      retries: env.int('SITE_REBUILD_RETRIES', 4),
      retryBaseSeconds: env.float('SITE_REBUILD_RETRY_BASE_SECONDS', 5),
      timeoutMs: env.int('SITE_REBUILD_TIMEOUT_MS', 10_000),
    },
    /** Where articles and programs live on the website: `{slug}` is replaced. */
    urls: {
      article: env('ARTICLE_URL_TEMPLATE', DEFAULT_ARTICLE_URL_TEMPLATE),
      program: env('PROGRAM_URL_TEMPLATE', DEFAULT_PROGRAM_URL_TEMPLATE),
    },
    /** `/api/sitemap.xml`: kept in the process this long, cleared at once by any change in this process. */
    sitemap: {
      cacheSeconds: env.int('SITEMAP_CACHE_SECONDS', 300),
    },
  };
};

export type WebsiteConfig = ReturnType<typeof config>;

export default config;
