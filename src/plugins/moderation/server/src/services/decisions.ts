import { randomUUID } from 'crypto';
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { getService } from '#app/utils/services';

/**
 * Decisions from the inbox: one or many comments to a status, each recorded (who, when, from what to what) under one
 * batch id, and undone within the undo window as one batch. Every change goes through the Document Service, so the
 * moderation middleware records `moderatedAt`/`moderatedBy` and the spam filter learns, as for any other decision.
 */
const COMMENT = 'api::comment.comment';
const EVENT = 'plugin::moderation.moderation-event';

export const STATUSES = ['approved', 'rejected', 'spam', 'pending'] as const;
export type Status = (typeof STATUSES)[number];

export interface DecisionResult {
  batchId: string;
  changed: Array<{ documentId: string; from: string; to: string }>;
  /** Asked for but not found (deleted meanwhile, or never existed). */
  missing: string[];
}

const service = ({ strapi }: { strapi: Core.Strapi }) => {
  const undoSeconds = () => Number(strapi.plugin('moderation').config('undoSeconds'));

  const setStatus = (documentId: string, status: string) =>
    strapi.documents(COMMENT).update({ documentId, data: { moderationStatus: status } as never });

  return {
    async decide(documentIds: string[], status: Status, actor: string): Promise<DecisionResult> {
      const current = (await strapi.db.query(COMMENT).findMany({
        where: { documentId: { $in: documentIds } },
        select: ['documentId', 'moderationStatus'],
      })) as Array<{ documentId: string; moderationStatus: string }>;
      const batchId = randomUUID();
      const changed: DecisionResult['changed'] = [];
      for (const comment of current) {
        if (comment.moderationStatus === status) continue;
        await setStatus(comment.documentId, status);
        changed.push({ documentId: comment.documentId, from: comment.moderationStatus, to: status });
      }
      await this.record(changed.map((change) => ({ commentDocumentId: change.documentId, action: 'status', fromStatus: change.from, toStatus: change.to, actor, batchId })));
      const found = new Set(current.map((comment) => comment.documentId));
      return { batchId, changed, missing: documentIds.filter((documentId) => !found.has(documentId)) };
    },

    /**
     * Takes a batch back: each comment returns to its earlier status if nobody has changed it since. Only within the
     * undo window (a few seconds more than the inbox shows, for a slow network) and only the actor's own batch.
     */
    async undo(batchId: string, actor: string): Promise<DecisionResult> {
      const events = (await strapi.db.query(EVENT).findMany({ where: { batchId, action: { $in: ['status', 'urgency', 'review'] } } })) as Array<{
        action: 'status' | 'urgency' | 'review';
        commentDocumentId: string;
        fromStatus: string;
        toStatus: string;
        actor: string;
        detail: string | null;
        createdAt: string;
      }>;
      if (events.length === 0) throw new errors.NotFoundError('No such decision to undo.');
      if (events.some((event) => event.actor !== actor)) throw new errors.ForbiddenError('Only the moderator who made a decision can undo it.');
      const age = (Date.now() - new Date(events[0].createdAt).getTime()) / 1000;
      if (age > undoSeconds() + 5) throw new errors.ValidationError(`Decisions can be undone for ${undoSeconds()} seconds.`, { field: 'batchId' });

      const current = (await strapi.db.query(COMMENT).findMany({
        where: { documentId: { $in: events.map((event) => event.commentDocumentId) } },
        select: ['documentId', 'moderationStatus'],
      })) as Array<{ documentId: string; moderationStatus: string }>;
      const statusOf = new Map(current.map((comment) => [comment.documentId, comment.moderationStatus]));
      const undoId = randomUUID();
      const changed: DecisionResult['changed'] = [];
      for (const event of events) {
        if (event.action === 'urgency' || event.action === 'review') {
          const attention = getService(strapi, 'plugin::moderation.attention');
          const restored = event.action === 'urgency' ? await attention.restore(event, actor) : await attention.unreview(event);
          if (restored) changed.push(restored);
          continue;
        }
        if (statusOf.get(event.commentDocumentId) !== event.toStatus) continue;
        await setStatus(event.commentDocumentId, event.fromStatus);
        changed.push({ documentId: event.commentDocumentId, from: event.toStatus, to: event.fromStatus });
      }
      await this.record(changed.map((change) => ({ commentDocumentId: change.documentId, action: 'undo', fromStatus: change.from, toStatus: change.to, actor, batchId: undoId, detail: `undid ${batchId}` })));
      return { batchId: undoId, changed, missing: events.map((event) => event.commentDocumentId).filter((documentId) => !statusOf.has(documentId)) };
    },

    async record(events: Array<Record<string, unknown>>): Promise<void> {
      if (events.length > 0) await strapi.db.query(EVENT).createMany({ data: events });
    },
  };
};

export default service;

declare module '#app/utils/services' {
  interface Services {
    'plugin::moderation.decisions': ReturnType<typeof service>;
  }
}
