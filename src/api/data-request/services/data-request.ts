import type { Core } from '@strapi/strapi';
import { sign } from '#app/tokens/reader-tokens';
import { getService } from '#app/utils/services';
import { getConfig } from '#app/utils/config';
import { say } from '#domain/messages';

const DATA_REQUEST = 'api::data-request.data-request';
const HOUR = 3600;

export type DataRequestKind = 'export' | 'erase';

/** After an erasure the log keeps only a trace of the address: its first letter and its domain. */
export const maskEmail = (email: string) => {
  const [local, domain] = email.split('@');
  return `${local.slice(0, 1)}***@${domain ?? ''}`;
};

/**
 * The log of readers' data requests (who asked, when, what, how many) and the signed links that carry them out.
 * The log never holds the exported data; once an erasure is done it no longer holds the address either.
 */
const service = ({ strapi }: { strapi: Core.Strapi }) => {
  const rows = () => strapi.db.query(DATA_REQUEST);
  const config = () => getConfig(strapi, 'readers');
  const { secret, siteName } = getConfig(strapi, 'moderation').verification;

  return {
    async open(email: string, kind: DataRequestKind, requestedBy: string): Promise<number> {
      const row = await rows().create({ data: { email, kind, requestedBy, status: 'requested' } });
      return row.id as number;
    },

    async complete(id: number, result: Record<string, unknown>, extra: Record<string, unknown> = {}): Promise<void> {
      await rows().update({ where: { id }, data: { status: 'done', completedAt: new Date(), result, ...extra } });
    },

    /**
     * Marks an export done as its link is used: true for the one request that gets there first, false when the
     * link was used already (an export link works once).
     */
    async claim(id: number): Promise<boolean> {
      const { count } = await rows().updateMany({ where: { id, status: { $ne: 'done' } }, data: { status: 'done', completedAt: new Date() } });
      return count === 1;
    },

    /** A claimed export that failed before the reader got the file: its link works again. */
    async reopen(id: number): Promise<void> {
      await rows().update({ where: { id }, data: { status: 'link-sent', completedAt: null } });
    },

    /** Whether data request `id` is still open (an erasure link works once). */
    async isOpen(id: number): Promise<boolean> {
      const row = await rows().findOne({ where: { id }, select: ['status'] });
      return Boolean(row) && row.status !== 'done';
    },

    /**
     * Emails the address a signed link that exports its data or confirms its erasure: it works once, expires after
     * `dataLinkHours`, and stops working when the reader signs out everywhere. In the language of the reader's
     * latest comment (the language it is written in, else its article's).
     */
    async sendLink(kind: DataRequestKind, email: string, request: number): Promise<void> {
      const latest = (await strapi.db.query('api::comment.comment').findOne({
        where: { authorEmail: email },
        select: ['language'],
        populate: { article: { select: ['locale'] } },
        orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      })) as { language?: string | null; article?: { locale?: string | null } | null } | null;
      const language = latest?.language ?? latest?.article?.locale ?? null;
      const { dataLinkHours, exportUrl, eraseUrl } = config();
      const version = await getService(strapi, 'api::commenter.commenter').tokenVersion(email);
      const token = sign(kind, { email, request, version }, secret, dataLinkHours * HOUR);
      const link = (kind === 'export' ? exportUrl : eraseUrl).replace('{token}', encodeURIComponent(token));
      const key = kind === 'export' ? 'email.export' : 'email.erase';
      await getService(strapi, 'plugin::email.email').send({
        to: email,
        subject: say(language, `${key}.subject`, { siteName }),
        text: say(language, `${key}.text`, { siteName, link, hours: dataLinkHours }),
      });
      // Conditional: a link opened within the same moment has already marked the request done.
      await rows().updateMany({ where: { id: request, status: 'requested' }, data: { status: 'link-sent' } });
    },
  };
};

export default service;

declare module '#app/utils/services' {
  interface Services {
    'api::data-request.data-request': ReturnType<typeof service>;
  }
}
