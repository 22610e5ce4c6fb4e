import type { Core } from '@strapi/strapi';
import { readSecret } from '../src/utils/secrets';

/**
 * What the websites built on this CMS rely on besides the content API: readiness, rebuild hooks, editors'
 * preview and the sitemap. Documented in the README ("Building a website on this CMS").
 */
const config = ({ env }: Core.Config.Shared.ConfigParams) => {
  const rebuildUrls = env
    .array('SITE_REBUILD_URLS', [])
    .map((url) => url.trim())
    .filter(Boolean);
  const production = env('NODE_ENV') === 'production';
  const previewEnabled = env.bool('PREVIEW_ENABLED', !production || Boolean(env('PREVIEW_SECRET')));

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
    /** The Content Manager's preview button (config/admin.ts reads this). */
    preview: {
      enabled: previewEnabled,
      /** The website's preview entry point for drafts: {url} {type} {slug} {documentId} {status} {secret} are replaced. */
      urlTemplate: env(
        'PREVIEW_URL',
        'https://counseling.example/api/preview?secret={secret}&type={type}&slug={slug}&documentId={documentId}&status={status}&url={url}'
      ),
      /** Shared with the website, which refuses a preview request without it. */
      secret: previewEnabled ? readSecret(process.env, 'PREVIEW_SECRET') : '',
      /** Origins the admin panel may show in its preview frame (default: the origin of PREVIEW_URL). */
      allowedOrigins: env.array('PREVIEW_ALLOWED_ORIGINS', []),
    },
    /** Where articles and programs live on the website: `{slug}` is replaced. */
    urls: {
      article: env('ARTICLE_URL_TEMPLATE', 'https://counseling.example/articles/{slug}'),
      program: env('PROGRAM_URL_TEMPLATE', 'https://counseling.example/programs/{slug}'),
    },
    /** `/api/sitemap.xml`: kept in the process this long, cleared at once by any change in this process. */
    sitemap: {
      cacheSeconds: env.int('SITEMAP_CACHE_SECONDS', 300),
    },
  };
};

export default config;
