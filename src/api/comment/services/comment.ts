import { factories } from '@strapi/strapi';
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { getService } from '#app/utils/services';
import { getConfig } from '#app/utils/config';

const COMMENT = 'api::comment.comment';
const ARTICLE = 'api::article.article';
const DAY_MS = 24 * 60 * 60 * 1000;

interface CommentableArticle {
  id: number;
  documentId: string;
  title: string;
  slug: string;
  commentsEnabled: boolean;
  createdAt: string;
  locale?: string | null;
}

type RelationRef = { id?: number | string; documentId?: string; locale?: string };

/**
 * The document a relation input points at, in any of the shapes Strapi accepts: a documentId, a numeric id,
 * `{ documentId }`, `{ connect: [...] }` or `{ set: [...] }` (the admin panel sends `connect`).
 */
export const relationTarget = (input: unknown): RelationRef | null => {
  if (input === null || input === undefined) return null;
  if (typeof input === 'string') return /^\d+$/.test(input) ? { id: Number(input) } : { documentId: input };
  if (typeof input === 'number') return { id: input };
  if (Array.isArray(input)) return relationTarget(input[0]);
  if (typeof input === 'object') {
    const ref = input as RelationRef & { connect?: unknown; set?: unknown };
    if (ref.connect !== undefined) return relationTarget(ref.connect);
    if (ref.set !== undefined) return relationTarget(ref.set);
    if (ref.documentId || ref.id) return { documentId: ref.documentId, id: ref.id, ...(typeof ref.locale === 'string' ? { locale: ref.locale } : {}) };
  }
  return null;
};

// A PolicyError is the ForbiddenError whose message Strapi passes through to the client (403).
const invalid = (path: string, message: string) =>
  new errors.ValidationError(message, { errors: [{ path: [path], message, name: 'ValidationError', value: undefined }] });

export interface ThreadedComment {
  documentId: string;
  authorName: string;
  body: string;
  /** Written by the practice (a moderator's reply from the inbox). */
  byPractice: boolean;
  createdAt: string;
  replies: ThreadedComment[];
}

type ThreadRow = ThreadedComment & { id: number; parent?: { id: number } | null };

const PUBLIC_COMMENT_FIELDS = ['documentId', 'authorName', 'body', 'byPractice', 'createdAt'] as const;

const service = factories.createCoreService(COMMENT, ({ strapi }: { strapi: Core.Strapi }) => ({
  /** The published article a comment is for, if it takes comments; the parent, if any, must be approved and on it. */
  async assertCommentable(data: Record<string, unknown>): Promise<{ article: CommentableArticle }> {
    const articleRef = relationTarget(data.article);
    if (!articleRef) throw invalid('article', 'article is required');
    const byId = articleRef.documentId ? null : await strapi.db.query(ARTICLE).findOne({ where: { id: articleRef.id }, select: ['documentId', 'locale'] });
    const documentId = articleRef.documentId ?? byId?.documentId;
    // The version in the comment's locale: a comment belongs to the article in the language it was written under.
    const locale = articleRef.locale ?? byId?.locale ?? undefined;
    const article = documentId
      ? ((await strapi.documents(ARTICLE).findOne({
          documentId,
          status: 'published',
          ...(locale ? { locale } : {}),
          fields: ['title', 'slug', 'commentsEnabled', 'createdAt', 'locale'],
        })) as CommentableArticle | null)
      : null;
    if (!article) throw invalid('article', 'article must be a published article');
    if (!article.commentsEnabled) throw new errors.PolicyError('Comments are disabled on this article.');
    const closeAfterDays = getConfig(strapi, 'moderation').closeAfterDays;
    if (closeAfterDays > 0 && Date.now() - new Date(article.createdAt).getTime() > closeAfterDays * DAY_MS) {
      throw new errors.PolicyError(`Comments are closed on this article (older than ${closeAfterDays} days).`);
    }

    const parentRef = relationTarget(data.parent);
    if (parentRef) {
      const parent = await strapi.db.query(COMMENT).findOne({
        where: parentRef.documentId ? { documentId: parentRef.documentId } : { id: parentRef.id },
        select: ['moderationStatus'],
        populate: { article: { select: ['documentId', 'locale'] } },
      });
      if (!parent || parent.article?.documentId !== article.documentId || (parent.article?.locale ?? null) !== (article.locale ?? null)) {
        throw invalid('parent', 'parent must be a comment on the same article');
      }
      if (parent.moderationStatus !== 'approved') throw invalid('parent', 'parent must be an approved comment');
    }
    return { article };
  },

  /** Emails the moderators about an urgent comment. Never blocks or fails the comment itself. */
  notifyModerators(comment: { documentId: string; authorName?: string; body?: string }, article: Pick<CommentableArticle, 'title'>) {
    const { moderatorEmails, adminUrl } = getConfig(strapi, 'moderation').notify;
    if (moderatorEmails.length === 0) {
      strapi.log.warn(`Urgent comment ${comment.documentId} on "${article.title}": no MODERATOR_EMAILS to notify.`);
      return;
    }
    const link = `${adminUrl}/admin/content-manager/collection-types/${COMMENT}/${comment.documentId}`;
    getService(strapi, 'plugin::email.email')
      .send({
        to: moderatorEmails.join(','),
        subject: `Urgent comment to review on "${article.title}"`,
        text: [
          'A reader comment may contain crisis language and is held for review.',
          '',
          `Article: ${article.title}`,
          `Author: ${comment.authorName ?? ''}`,
          '',
          comment.body ?? '',
          '',
          `Review it: ${link}`,
        ].join('\n'),
      })
      .catch((error: Error) => strapi.log.error(`Could not notify moderators of comment ${comment.documentId}: ${error.message}`));
  },

  /**
   * Urgent comments still pending `escalateAfterMinutes` after they arrived: one more email, to the escalation
   * list, once per comment (claimed with a conditional update, so several instances never send it twice).
   */
  async escalateOverdueUrgent(now: Date = new Date()): Promise<number> {
    const { escalateAfterMinutes, escalationEmails, adminUrl } = getConfig(strapi, 'moderation').notify;
    const cutoff = new Date(now.getTime() - escalateAfterMinutes * 60_000);
    const overdue: Array<{ id: number; documentId: string; createdAt: string; urgentSince: string | null; reportedAt: string | null; flags: string[] | null; article?: { title: string } }> =
      await strapi.db.query(COMMENT).findMany({
        where: {
          priority: 'urgent',
          escalatedAt: { $null: true },
          // Held since it became urgent (on arrival, or marked by a moderator), or reported as a crisis by a reader
          // (possibly still public) and not yet decided.
          $or: [
            { moderationStatus: 'pending', urgentSince: { $lte: cutoff } },
            { moderationStatus: 'pending', urgentSince: { $null: true }, createdAt: { $lte: cutoff } },
            { reportedAt: { $lte: cutoff } },
          ],
        },
        select: ['id', 'documentId', 'createdAt', 'urgentSince', 'reportedAt', 'flags'],
        populate: { article: { select: ['title'] } },
        orderBy: [{ createdAt: 'asc' }],
        limit: 100,
      });
    let escalated = 0;
    for (const comment of overdue) {
      const { count } = await strapi.db.query(COMMENT).updateMany({ where: { id: comment.id, escalatedAt: { $null: true } }, data: { escalatedAt: now } });
      if (count !== 1) continue;
      escalated += 1;
      const minutes = Math.round((now.getTime() - new Date(comment.reportedAt ?? comment.urgentSince ?? comment.createdAt).getTime()) / 60_000);
      if (escalationEmails.length === 0) {
        strapi.log.error(`Urgent comment ${comment.documentId} unreviewed for ${minutes} minutes: no URGENT_ESCALATION_EMAILS or MODERATOR_EMAILS.`);
        continue;
      }
      await getService(strapi, 'plugin::email.email')
        .send({
          to: escalationEmails.join(','),
          subject: `ESCALATION: urgent comment unreviewed for ${minutes} minutes`,
          text: [
            `An urgent comment (possible crisis) on "${comment.article?.title ?? 'an article'}" has waited ${minutes} minutes without review.`,
            `Why it is urgent: ${(comment.flags ?? []).filter((flag) => flag.startsWith('crisis:')).join(', ') || (comment.reportedAt ? 'a reader reported it as a crisis' : 'crisis language')}`,
            '',
            `Review it now: ${adminUrl}/admin/content-manager/collection-types/${COMMENT}/${comment.documentId}`,
          ].join('\n'),
        })
        .catch(async (error: Error) => {
          strapi.log.error(`Could not escalate comment ${comment.documentId}: ${error.message}; will try again.`);
          // Unclaimed again, so the next run retries: an escalation must not be lost to a mail outage.
          await strapi.db.query(COMMENT).updateMany({ where: { id: comment.id, escalatedAt: now }, data: { escalatedAt: null } });
        });
    }
    if (escalated > 0) strapi.log.warn(`Escalated ${escalated} urgent comment(s) unreviewed for ${escalateAfterMinutes} minutes.`);
    return escalated;
  },

  /** Approved comments of a published article in one locale, oldest first: a page of top-level comments with their approved replies. */
  async approvedThread(article: { documentId: string; locale: string | null }, page: number, pageSize: number) {
    const approvedOnArticle = { moderationStatus: 'approved', article: { documentId: article.documentId, ...(article.locale ? { locale: article.locale } : {}) } };
    const topLevel = { ...approvedOnArticle, parent: { id: { $null: true } } };
    const select = ['id', ...PUBLIC_COMMENT_FIELDS];
    const orderBy = [{ createdAt: 'asc' as const }, { id: 'asc' as const }];
    const [roots, total, replies]: [ThreadRow[], number, ThreadRow[]] = await Promise.all([
      strapi.db.query(COMMENT).findMany({ where: topLevel, select, orderBy, offset: (page - 1) * pageSize, limit: pageSize }),
      strapi.db.query(COMMENT).count({ where: topLevel }),
      strapi.db.query(COMMENT).findMany({
        where: { ...approvedOnArticle, parent: { id: { $notNull: true } } },
        select,
        populate: { parent: { select: ['id'] } },
        orderBy,
      }),
    ]);
    const nodes = new Map<number, ThreadedComment>();
    const toNode = (row: ThreadRow) => {
      const node = { ...pick(row), replies: [] };
      nodes.set(row.id, node);
      return node;
    };
    const data = roots.map(toNode);
    replies.forEach(toNode);
    for (const reply of replies) nodes.get(reply.parent!.id)?.replies.push(nodes.get(reply.id)!);
    return { data, pagination: { page, pageSize, pageCount: Math.ceil(total / pageSize), total } };
  },

  /** Deletes spam and rejected comments untouched for `purgeAfterDays`. Returns how many went. */
  async purgeDiscarded(now: Date = new Date()): Promise<number> {
    const days = getConfig(strapi, 'moderation').purgeAfterDays;
    if (days <= 0) return 0;
    const cutoff = new Date(now.getTime() - days * DAY_MS);
    const discarded: Array<{ documentId: string }> = await strapi.db.query(COMMENT).findMany({
      where: { moderationStatus: { $in: ['spam', 'rejected'] }, updatedAt: { $lt: cutoff } },
      select: ['documentId'],
    });
    // Through the Document Service, so relation links (article, replies) go with the comment.
    for (const { documentId } of discarded) await strapi.documents(COMMENT).delete({ documentId });
    const count = discarded.length;
    if (count > 0) strapi.log.info(`Purged ${count} spam or rejected comments older than ${days} days.`);
    return count;
  },
}));

const pick = (row: ThreadedComment): Omit<ThreadedComment, 'replies'> => ({
  documentId: row.documentId,
  authorName: row.authorName,
  body: row.body,
  byPractice: Boolean(row.byPractice),
  createdAt: row.createdAt,
});

export default service;

declare module '#app/utils/services' {
  interface Services {
    'api::comment.comment': ReturnType<typeof service>;
  }
}
