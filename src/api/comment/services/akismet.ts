import type { Core } from '@strapi/strapi';
import { AkismetClient } from 'akismet-api';
import { getConfig } from '#app/utils/config';

export interface AkismetComment {
  ip: string;
  userAgent?: string;
  name: string;
  email: string;
  content: string;
  permalink?: string;
}

const API_VERSION = '1.1';

/**
 * Akismet as a second opinion, off unless `AKISMET_API_KEY` is set. What it sends: the comment's text, the author's
 * name and email, the reader's IP address and browser, the article's address. A slow or failing Akismet never
 * holds a comment up: after `AKISMET_TIMEOUT_MS` the local rules decide alone, and the failure is logged.
 */
const service = ({ strapi }: { strapi: Core.Strapi }) => {
  const config = () => getConfig(strapi, 'moderation').akismet;

  /** A client for the configuration as it is now (it holds no connection, so one per call costs nothing). */
  const getClient = (): AkismetClient | null => {
    const { apiKey, site, endpoint } = config();
    if (!apiKey) return null;
    const client = new AkismetClient({ key: apiKey, blog: site, version: API_VERSION });
    // The client puts the key in the host name (key.rest.akismet.com). Another endpoint gets the same paths and
    // the key as the `api_key` parameter, which Akismet's API also accepts.
    if (endpoint) {
      const base = `${endpoint.replace(/\/$/, '')}/${API_VERSION}/`;
      const { requestOpts } = client as unknown as { requestOpts: Record<string, string> };
      Object.assign(client, { endpoint: base, rootEndpoint: base, requestOpts: { ...requestOpts, api_key: apiKey } });
    }
    return client;
  };

  const withTimeout = <T>(work: Promise<T>): Promise<T> => {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer within ${config().timeoutMs} ms`)), config().timeoutMs);
    });
    return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
  };

  const payload = (comment: AkismetComment) => ({
    ip: comment.ip,
    useragent: comment.userAgent ?? '',
    name: comment.name,
    email: comment.email,
    content: comment.content,
    type: 'comment',
    ...(comment.permalink ? { permalink: comment.permalink } : {}),
  });

  return {
    enabled(): boolean {
      return Boolean(config().apiKey);
    },

    /** true: Akismet says spam; false: not spam; undefined: off, unreachable, too slow or an error (logged). */
    async isSpam(comment: AkismetComment): Promise<boolean | undefined> {
      const akismet = getClient();
      if (!akismet) return undefined;
      try {
        return await withTimeout(akismet.checkSpam(payload(comment)));
      } catch (error) {
        strapi.log.warn(`Akismet check failed, the local rules decide alone: ${(error as Error).message}`);
        return undefined;
      }
    },

    /** Tells Akismet a moderator's decision (spam, or not spam), so it learns too. Failures are logged. */
    async report(comment: AkismetComment, spam: boolean): Promise<void> {
      const akismet = getClient();
      if (!akismet) return;
      try {
        await withTimeout(spam ? akismet.submitSpam(payload(comment)) : akismet.submitHam(payload(comment)));
      } catch (error) {
        strapi.log.warn(`Akismet ${spam ? 'submit-spam' : 'submit-ham'} failed: ${(error as Error).message}`);
      }
    },
  };
};

export default service;

declare module '#app/utils/services' {
  interface Services {
    'api::comment.akismet': ReturnType<typeof service>;
  }
}
