import type { Core } from '@strapi/strapi';
import { LRUCache } from 'lru-cache';
import { contentHash } from '#domain/moderation';

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

/** What a blocked reader was answered: the same text again is answered the same, as anyone's repeat is. */
export interface SilentAnswer {
  documentId: string;
  moderationStatus: 'pending';
  flags: string[];
  language: string | null;
}

/** As long as a repeat is answered as the first post (the comment controller's recentRepeat). */
const REPEAT_WINDOW_MS = 24 * 3600 * 1000;

/**
 * Blocks set by moderators: an email address or IP hash whose comments and reports are refused, until a date or for
 * ever. The refusal is silent (the caller answers as for anyone), so a blocked reader cannot tell.
 */
const service = ({ strapi }: { strapi: Core.Strapi }) => {
  // The answers given to blocked readers, by text and connection and by text and confirmed address, for a day: a
  // blocked reader sending the same text again gets the same comment id, before flood control, as an unblocked
  // reader's repeat does (a new id each time told them nothing was stored). Kept by this instance only.
  const silentAnswers = new LRUCache<string, SilentAnswer>({ max: 10_000, ttl: REPEAT_WINDOW_MS });
  const keysOf = (body: string, ipHash: string, verifiedEmail: string | null) => {
    const hash = contentHash(body);
    return [`ip:${ipHash}:${hash}`, ...(verifiedEmail ? [`email:${verifiedEmail}:${hash}`] : [])];
  };
  return {
    /** The answer a blocked reader was given for this text from this connection or confirmed address, if any. */
    silentRepeat(body: string, ipHash: string, verifiedEmail: string | null): SilentAnswer | null {
      for (const key of keysOf(body, ipHash, verifiedEmail)) {
        const answer = silentAnswers.get(key);
        if (answer) return answer;
      }
      return null;
    },

    /** Remembers the answer given to a blocked reader, for silentRepeat. */
    rememberSilentAnswer(body: string, ipHash: string, verifiedEmail: string | null, answer: SilentAnswer): void {
      for (const key of keysOf(body, ipHash, verifiedEmail)) silentAnswers.set(key, answer);
    },

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
  };
};

export default service;

declare module '#app/utils/services' {
  interface Services {
    'api::commenter-block.commenter-block': ReturnType<typeof service>;
  }
}
