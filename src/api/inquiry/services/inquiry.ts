import type { Core } from '@strapi/strapi';
import { getConfig } from '#app/utils/config';

const INQUIRY = 'api::inquiry.inquiry';
const DAY_MS = 24 * 3600 * 1000;

/** What the export holds of an inquiry: what the person gave and what became of it, no database internals. */
export interface ExportedInquiry {
  documentId: string;
  name: string;
  email: string;
  phone: string | null;
  preferredContact: string;
  message: string | null;
  consentVersion: string;
  handling: string;
  handledAt: string | null;
  waitingList: boolean;
  createdAt: string;
  program: { documentId: string; title: string; slug: string } | null;
}

/** Inquiries about group programs: readers' export and erasure by address, and the retention purge. */
const service = ({ strapi }: { strapi: Core.Strapi }) => ({
  /** Every inquiry sent from `email`, oldest first. */
  async ofEmail(email: string): Promise<ExportedInquiry[]> {
    const rows = (await strapi.db.query(INQUIRY).findMany({
      where: { email: email.toLowerCase() },
      select: ['documentId', 'name', 'email', 'phone', 'preferredContact', 'message', 'consentVersion', 'handling', 'handledAt', 'waitingList', 'createdAt'],
      populate: { program: { select: ['documentId', 'title', 'slug'] } },
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    })) as Array<ExportedInquiry & { id?: number; program: (ExportedInquiry['program'] & { id?: number }) | null }>;
    return rows.map(({ id: _id, program, ...inquiry }) => ({
      ...inquiry,
      waitingList: Boolean(inquiry.waitingList),
      program: program ? { documentId: program.documentId, title: program.title, slug: program.slug } : null,
    }));
  },

  /** Deletes the inquiries sent from `email` up to `before`; answers how many went. */
  async eraseEmail(email: string, before = new Date()): Promise<number> {
    return this.deleteWhere({ email: email.toLowerCase(), createdAt: { $lte: before } });
  },

  /** Deletes inquiries sent more than `retentionDays` ago (config/inquiries.ts); answers how many went. */
  async purgeExpired(now: Date = new Date()): Promise<number> {
    const days = getConfig(strapi, 'inquiries').retentionDays;
    if (days <= 0) return 0;
    const count = await this.deleteWhere({ createdAt: { $lt: new Date(now.getTime() - days * DAY_MS) } });
    if (count > 0) strapi.log.info(`Purged ${count} inquiries older than ${days} days.`);
    return count;
  },

  /** Through the Document Service, so the links to programs go with each inquiry. */
  async deleteWhere(where: Record<string, unknown>): Promise<number> {
    const rows: Array<{ documentId: string }> = await strapi.db.query(INQUIRY).findMany({ where, select: ['documentId'] });
    for (const { documentId } of rows) await strapi.documents(INQUIRY).delete({ documentId });
    return rows.length;
  },
});

export default service;

declare module '#app/utils/services' {
  interface Services {
    'api::inquiry.inquiry': ReturnType<typeof service>;
  }
}
