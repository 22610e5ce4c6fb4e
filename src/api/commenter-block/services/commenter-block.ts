import type { Core } from '@strapi/strapi';

const BLOCK = 'api::commenter-block.commenter-block';
const COMMENT = 'api::comment.comment';

export interface Reader {
  email?: string | null;
  ipHash?: string | null;
}

export interface BlockRow {
  id: number;
  email: string | null;
  ipHash: string | null;
  reason: string;
}

/**
 * Blocks set by moderators: an email address or IP hash whose comments and reports are refused, until a date or for
 * ever. The refusal is silent (the caller answers as for anyone), so a blocked reader cannot tell.
 */
const service = ({ strapi }: { strapi: Core.Strapi }) => ({
  /** Whether a block in force matches the reader's address or IP hash. */
  async isBlocked(reader: Reader, now = new Date()): Promise<boolean> {
    const who = [
      ...(reader.email ? [{ email: reader.email.trim().toLowerCase() }] : []),
      ...(reader.ipHash ? [{ ipHash: reader.ipHash }] : []),
    ];
    if (who.length === 0) return false;
    const block = await strapi.db.query(BLOCK).findOne({
      where: { $and: [{ $or: who }, { $or: [{ until: { $null: true } }, { until: { $gt: now } }] }] },
      select: ['id'],
    });
    return Boolean(block);
  },

  /** Rejects every pending comment the block matches (through the Document Service, so who and when are recorded). */
  async rejectPendingOf(block: BlockRow): Promise<number> {
    const who = [...(block.email ? [{ authorEmail: block.email }] : []), ...(block.ipHash ? [{ ipHash: block.ipHash }] : [])];
    if (who.length === 0) return 0;
    const pending: Array<{ documentId: string }> = await strapi.db.query(COMMENT).findMany({
      where: { moderationStatus: 'pending', $or: who },
      select: ['documentId'],
    });
    for (const { documentId } of pending) {
      await strapi.documents(COMMENT).update({
        documentId,
        data: { moderationStatus: 'rejected', moderationNote: `Rejected with the block of its author (${block.reason})`.slice(0, 2000) },
      });
    }
    return pending.length;
  },
});

export default service;

declare module '#app/utils/services' {
  interface Services {
    'api::commenter-block.commenter-block': ReturnType<typeof service>;
  }
}
