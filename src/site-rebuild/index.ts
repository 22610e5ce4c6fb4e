import type { Core } from '@strapi/strapi';
import { createDebouncedBatch } from './debounce';
import { deliver } from './deliver';
import { SIGNATURE_HEADER, sign } from './signature';
import { getConfig } from '../utils/config';

/** One published change: what the website may have to rebuild. */
export interface SiteChange {
  uid: string;
  action: 'publish' | 'unpublish' | 'update' | 'create' | 'delete';
  documentId: string;
}

/** The body every hook receives: one per burst of changes. */
export const rebuildPayload = (changes: SiteChange[], at = new Date()) => ({
  event: 'site.rebuild' as const,
  createdAt: at.toISOString(),
  changes,
});

/**
 * Calls every `SITE_REBUILD_URLS` hook once per burst of published changes (SITE_REBUILD_DEBOUNCE_SECONDS after
 * the last), signed with SITE_REBUILD_SECRET, retried with exponential backoff, and logged.
 */
export const createSiteRebuild = (strapi: Core.Strapi) => {
  const config = () => getConfig(strapi, 'website').rebuild;

  const send = async (changes: SiteChange[], retries = config().retries) => {
    const { urls, secret, retryBaseSeconds, timeoutMs } = config();
    const body = JSON.stringify(rebuildPayload(changes));
    const headers = { 'Content-Type': 'application/json', 'User-Agent': 'counseling-cms-rebuild-hook', [SIGNATURE_HEADER]: sign(body, secret) };
    await Promise.all(
      urls.map(async (url) => {
        const result = await deliver(url, body, headers, {
          retries,
          retryBaseMs: retryBaseSeconds * 1000,
          timeoutMs,
          onRetry: (attempt, reason, waitMs) => strapi.log.warn(`Rebuild hook ${url} failed (${reason}), attempt ${attempt}; retrying in ${waitMs} ms`),
        });
        if (result.ok) strapi.log.info(`Rebuild hook ${url} called for ${changes.length} change(s): HTTP ${result.status} after ${result.attempts} attempt(s)`);
        else strapi.log.error(`Rebuild hook ${url} gave up after ${result.attempts} attempt(s): ${result.reason}`);
      })
    );
  };

  const batch = createDebouncedBatch<SiteChange>(config().debounceSeconds * 1000, (changes) => {
    void send(changes);
  });

  return {
    enabled: () => config().urls.length > 0,
    notify(change: SiteChange) {
      if (config().urls.length > 0) batch.add(change);
    },
    /** At shutdown: what is still waiting is sent at once, one attempt per hook. */
    async close() {
      const pending = batch.takePending();
      if (pending.length > 0) await send(pending, 0);
    },
  };
};

export type SiteRebuild = ReturnType<typeof createSiteRebuild>;

const instances = new WeakMap<Core.Strapi, SiteRebuild>();

/** The one rebuild notifier of this Strapi instance. */
export const siteRebuild = (strapi: Core.Strapi): SiteRebuild => {
  let instance = instances.get(strapi);
  if (!instance) {
    instance = createSiteRebuild(strapi);
    instances.set(strapi, instance);
  }
  return instance;
};
