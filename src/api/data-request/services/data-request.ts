import type { Core } from '@strapi/strapi';
import { sign } from '#app/tokens/reader-tokens';
import { getService } from '#app/utils/services';
import { getConfig } from '#app/utils/config';

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
     * `dataLinkHours`, and stops working when the reader signs out everywhere.
     */
    async sendLink(kind: DataRequestKind, email: string, request: number): Promise<void> {
      const { dataLinkHours, exportUrl, eraseUrl } = config();
      const version = await getService(strapi, 'api::commenter.commenter').tokenVersion(email);
      const token = sign(kind, { email, request, version }, secret, dataLinkHours * HOUR);
      const link = (kind === 'export' ? exportUrl : eraseUrl).replace('{token}', encodeURIComponent(token));
      const text =
        kind === 'export'
          ? [`You asked for a copy of the comments you wrote on ${siteName}.`, '', `Download them (JSON): ${link}`]
          : [
              `You asked us to erase the comments you wrote on ${siteName}.`,
              '',
              `Confirm the erasure: ${link}`,
              '',
              'Nothing is erased until you open this link. Replies others wrote to you stay.',
            ];
      await getService(strapi, 'plugin::email.email').send({
        to: email,
        subject: kind === 'export' ? `Your comments on ${siteName}` : `Confirm the erasure of your comments on ${siteName}`,
        text: [...text, '', `The link works once and expires in ${dataLinkHours} hours. If you did not ask for this, ignore this email.`].join('\n'),
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
