import type { Core } from '@strapi/strapi';
import type { SpamLabel } from '#domain/moderation';
import { getService } from '../utils/services';

const COMMENT = 'api::comment.comment';

/** Spam is spam; approved and rejected comments are real readers (rejected for other reasons); pending: undecided. */
const labelFor = (status: unknown): SpamLabel | null => (status === 'spam' ? 'spam' : status === 'approved' || status === 'rejected' ? 'ham' : null);

/**
 * A moderator's decision teaches the spam filter (and Akismet, when it is on). Called before the update with the
 * update's data: records what the comment is learned as, and returns what to do once the update has gone through.
 */
export const prepareSpamLearning = async (strapi: Core.Strapi, documentId: string, data: Record<string, unknown>) => {
  const stored = await strapi.db.query(COMMENT).findOne({
    where: { documentId },
    select: ['id', 'body', 'trainedAs', 'authorName', 'authorEmail', 'authorIp', 'userAgent'],
  });
  const label = labelFor(data.moderationStatus);
  const previous = (stored?.trainedAs ?? null) as SpamLabel | null;
  if (!stored || label === previous) return async (): Promise<void> => undefined;
  data.trainedAs = label;
  const text = String(data.body ?? stored.body);

  return async () => {
    try {
      await getService(strapi, 'api::comment.spam-classifier').learn(text, label, previous);
    } catch (error) {
      strapi.log.error(`Spam classifier could not learn from a decision on comment ${documentId}: ${(error as Error).message}`);
    }
    const akismet = getService(strapi, 'api::comment.akismet');
    if (label && stored.authorIp && akismet.enabled()) {
      const reader = { ip: stored.authorIp, userAgent: stored.userAgent, name: stored.authorName, email: stored.authorEmail, content: text };
      await akismet.report(reader, label === 'spam');
      // The address was kept only to report this decision.
      await strapi.db.query(COMMENT).update({ where: { id: stored.id }, data: { authorIp: null } });
    }
  };
};
