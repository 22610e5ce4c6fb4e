import { randomUUID } from 'crypto';
import type { Core } from '@strapi/strapi';
import { getService } from '#app/utils/services';

/**
 * What a moderator says about a comment besides its status: "I have read it" (the Published without review tab),
 * and "this is urgent" / "this is not urgent". Urgency teaches the learned crisis model (every instance), takes a
 * published comment off the public page, emails the moderators and escalates like any urgent comment; taking it
 * back (undo) restores what was there and unteaches it. "Seen" is undone too: the comment is back in the tab.
 */
const COMMENT = 'api::comment.comment';

interface Stored {
  documentId: string;
  body: string;
  authorName: string;
  moderationStatus: string;
  priority: string;
  crisisLabel: string | null;
  reviewedAt: string | null;
  reviewedBy: string | null;
  article: { documentId: string; title: string } | null;
}
type Urgency = Pick<Stored, 'moderationStatus' | 'priority' | 'crisisLabel'>;
/** What a "seen" event keeps for its undo: when it was seen, and whether nobody had read the comment before. */
interface Seen {
  seenAt: string;
  unreviewed: boolean;
}
const sameInstant = (a: string | null, b: string) => a !== null && new Date(a).getTime() === new Date(b).getTime();

const service = ({ strapi }: { strapi: Core.Strapi }) => {
  const decisions = () => getService(strapi, 'plugin::moderation.decisions');
  const find = (documentIds: string[]) =>
    strapi.db.query(COMMENT).findMany({
      where: { documentId: { $in: documentIds } },
      select: ['documentId', 'body', 'authorName', 'moderationStatus', 'priority', 'crisisLabel', 'reviewedAt', 'reviewedBy'],
      populate: { article: { select: ['documentId', 'title'] } },
    }) as Promise<Stored[]>;

  const apply = async (comment: Stored, to: Urgency, actor: string) => {
    const becomesUrgent = to.priority === 'urgent' && comment.priority !== 'urgent';
    const now = new Date().toISOString();
    await strapi.documents(COMMENT).update({
      documentId: comment.documentId,
      data: {
        ...to,
        reviewedAt: now,
        reviewedBy: actor,
        ...(becomesUrgent ? { urgentSince: now, escalatedAt: null } : {}),
      } as never,
    });
    if (becomesUrgent && comment.article) getService(strapi, 'api::comment.comment').notifyModerators(comment, comment.article);
  };

  return {
    /** "Seen": the comments leave the Published without review tab (recorded). */
    async review(documentIds: string[], actor: string) {
      const found = await find(documentIds);
      const now = new Date().toISOString();
      await strapi.db.query(COMMENT).updateMany({ where: { documentId: { $in: found.map((comment) => comment.documentId) } }, data: { reviewedAt: now, reviewedBy: actor } });
      const batchId = randomUUID();
      await decisions().record(
        found.map((comment) => {
          const seen: Seen = { seenAt: now, unreviewed: comment.reviewedAt === null };
          return { commentDocumentId: comment.documentId, action: 'review', fromStatus: comment.moderationStatus, toStatus: comment.moderationStatus, actor, batchId, detail: JSON.stringify(seen) };
        })
      );
      return { batchId, changed: found.map((comment) => ({ documentId: comment.documentId, from: comment.moderationStatus, to: comment.moderationStatus })), missing: documentIds.filter((id) => !found.some((comment) => comment.documentId === id)) };
    },

    /** Urgent (held, first in line, moderators emailed) or not urgent; either way the crisis model learns it. */
    async setUrgency(documentIds: string[], urgent: boolean, actor: string) {
      const found = await find(documentIds);
      const batchId = randomUUID();
      const changed: Array<{ documentId: string; from: string; to: string }> = [];
      const events: Array<Record<string, unknown>> = [];
      for (const comment of found) {
        const from: Urgency = { moderationStatus: comment.moderationStatus, priority: comment.priority, crisisLabel: comment.crisisLabel };
        const to: Urgency = urgent
          ? { moderationStatus: 'pending', priority: 'urgent', crisisLabel: 'crisis' }
          : { moderationStatus: comment.moderationStatus, priority: 'normal', crisisLabel: 'not-crisis' };
        if (from.priority === to.priority && from.crisisLabel === to.crisisLabel) continue;
        await apply(comment, to, actor);
        changed.push({ documentId: comment.documentId, from: comment.moderationStatus, to: to.moderationStatus });
        events.push({ commentDocumentId: comment.documentId, action: 'urgency', fromStatus: from.moderationStatus, toStatus: to.moderationStatus, actor, batchId, detail: JSON.stringify({ from, to }) });
      }
      await decisions().record(events);
      if (changed.length > 0) getService(strapi, 'api::comment.crisis-model').relearn();
      return { batchId, changed, missing: documentIds.filter((id) => !found.some((comment) => comment.documentId === id)) };
    },

    /** Undo of one "seen" event: unread again (back in the Published without review tab), if nobody has looked since. */
    async unreview(event: { commentDocumentId: string; actor: string; detail: string | null }): Promise<{ documentId: string; from: string; to: string } | null> {
      const seen = JSON.parse(event.detail ?? '{}') as Partial<Seen>;
      const [comment] = await find([event.commentDocumentId]);
      if (!comment || !seen.unreviewed || !seen.seenAt || comment.reviewedBy !== event.actor || !sameInstant(comment.reviewedAt, seen.seenAt)) return null;
      await strapi.db.query(COMMENT).updateMany({ where: { documentId: comment.documentId }, data: { reviewedAt: null, reviewedBy: null } });
      return { documentId: comment.documentId, from: comment.moderationStatus, to: comment.moderationStatus };
    },

    /** Undo of one urgency event: back to what it was, if nobody has changed the comment since. */
    async restore(event: { commentDocumentId: string; detail: string | null }, actor: string): Promise<{ documentId: string; from: string; to: string } | null> {
      const { from, to } = JSON.parse(event.detail ?? '{}') as { from: Urgency; to: Urgency };
      const [comment] = await find([event.commentDocumentId]);
      if (!comment || comment.priority !== to.priority || comment.crisisLabel !== to.crisisLabel || comment.moderationStatus !== to.moderationStatus) return null;
      await apply(comment, from, actor);
      getService(strapi, 'api::comment.crisis-model').relearn();
      return { documentId: comment.documentId, from: to.moderationStatus, to: from.moderationStatus };
    },
  };
};

export default service;

declare module '#app/utils/services' {
  interface Services {
    'plugin::moderation.attention': ReturnType<typeof service>;
  }
}
