import type { Core } from '@strapi/strapi';
import { flagInfo } from '#domain/moderation';
import { getService } from '#app/utils/services';

/**
 * The moderation queue: one tab at a time, urgent first and oldest first where comments wait, each item with what a
 * moderator needs to decide without opening it (text, flags in plain words, words to look at, the author's record,
 * the article, the comment it answers, the audit trail).
 */
const COMMENT = 'api::comment.comment';
const EVENT = 'plugin::moderation.moderation-event';

export const TABS = ['urgent', 'pending', 'unreviewed', 'reported', 'spam', 'rejected', 'approved'] as const;
export type Tab = (typeof TABS)[number];

const WHERE: Record<Tab, Record<string, unknown>> = {
  urgent: { moderationStatus: 'pending', priority: 'urgent' },
  pending: { moderationStatus: 'pending', priority: 'normal' },
  // Published by the rules without a person having read it, until a moderator has looked.
  unreviewed: { moderationStatus: 'approved', autoApproved: true, reviewedAt: { $null: true } },
  // Comments readers reported that no moderator has decided on since (whatever their status).
  reported: { reportedAt: { $notNull: true } },
  spam: { moderationStatus: 'spam' },
  rejected: { moderationStatus: 'rejected' },
  approved: { moderationStatus: 'approved' },
};
/** Waiting comments oldest first (fairness); decided ones newest first (what was just done). */
const waiting = (tab: Tab) => tab === 'urgent' || tab === 'pending' || tab === 'unreviewed' || tab === 'reported';

interface StoredComment {
  documentId: string;
  body: string;
  authorName: string;
  authorEmail: string;
  moderationStatus: string;
  priority: string;
  flags: string[] | null;
  spamScore: number | string | null;
  spamWords: Array<{ word: string; weight: number }> | null;
  crisisRisk: number | string | null;
  crisisWords: Array<{ word: string; weight: number }> | null;
  highlights: string[] | null;
  language: string | null;
  autoApproved: boolean | null;
  reviewedAt: string | null;
  byPractice: boolean | null;
  createdAt: string;
  article?: { documentId: string; title: string; slug: string } | null;
  parent?: { documentId: string; authorName: string; body: string; byPractice: boolean | null } | null;
}

const service = ({ strapi }: { strapi: Core.Strapi }) => {
  const table = () => strapi.db.metadata.get(COMMENT).tableName;
  const articleUrl = (slug: string) => (strapi.plugin('moderation').config('articleUrlTemplate') as string).replace('{slug}', slug);

  /** Approved comments per author address, in one query. */
  const approvedCounts = async (emails: string[]): Promise<Map<string, number>> => {
    if (emails.length === 0) return new Map();
    const rows = (await strapi.db
      .connection(table())
      .select('author_email')
      .count({ approved: '*' })
      .whereIn('author_email', emails)
      .andWhere('moderation_status', 'approved')
      .groupBy('author_email')) as Array<{ author_email: string; approved: number | string }>;
    return new Map(rows.map((row) => [row.author_email, Number(row.approved)]));
  };

  return {
    /** How many comments wait in each tab: one grouped query. */
    async counts(): Promise<Record<Tab, number>> {
      const rows = (await strapi.db
        .connection(table())
        .select('moderation_status', 'priority')
        .count({ total: '*' })
        .groupBy('moderation_status', 'priority')) as Array<{ moderation_status: string; priority: string; total: number | string }>;
      const counts = Object.fromEntries(TABS.map((tab) => [tab, 0])) as Record<Tab, number>;
      for (const row of rows) {
        const tab = (row.moderation_status === 'pending' ? (row.priority === 'urgent' ? 'urgent' : 'pending') : row.moderation_status) as Tab;
        if (tab in counts) counts[tab] += Number(row.total);
      }
      [counts.reported, counts.unreviewed] = await Promise.all([
        strapi.db.query(COMMENT).count({ where: WHERE.reported }),
        strapi.db.query(COMMENT).count({ where: WHERE.unreviewed }),
      ]);
      return counts;
    },

    async list(tab: Tab, page: number, pageSize: number) {
      const comments = (await strapi.db.query(COMMENT).findMany({
        where: WHERE[tab],
        select: [
          'documentId', 'body', 'authorName', 'authorEmail', 'moderationStatus', 'priority', 'flags', 'spamScore', 'spamWords',
          'crisisRisk', 'crisisWords', 'highlights', 'language', 'autoApproved', 'reviewedAt', 'byPractice', 'createdAt',
        ],
        populate: {
          article: { select: ['documentId', 'title', 'slug'] },
          parent: { select: ['documentId', 'authorName', 'body', 'byPractice'] },
        },
        orderBy: [{ createdAt: waiting(tab) ? 'asc' : 'desc' }, { id: waiting(tab) ? 'asc' : 'desc' }],
        offset: (page - 1) * pageSize,
        limit: pageSize,
      })) as StoredComment[];

      const ids = comments.map((comment) => comment.documentId);
      const [approved, events, reports] = await Promise.all([
        approvedCounts([...new Set(comments.map((comment) => comment.authorEmail))]),
        ids.length === 0
          ? []
          : strapi.db.query(EVENT).findMany({ where: { commentDocumentId: { $in: ids } }, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }] }),
        getService(strapi, 'api::comment-report.comment-report').openReports(ids),
      ]);

      return comments.map((comment) => {
        const flags = (comment.flags ?? []).map((flag) => ({ flag, ...flagInfo(flag) }));
        return {
          documentId: comment.documentId,
          body: comment.body,
          authorName: comment.authorName,
          authorApprovedComments: approved.get(comment.authorEmail) ?? 0,
          moderationStatus: comment.moderationStatus,
          priority: comment.priority,
          byPractice: Boolean(comment.byPractice),
          // In the registry's words, with its kind and severity so the inbox need not read meaning from a prefix.
          flags,
          // Words to look at, as stored when the comment arrived: the crisis phrases the lexicons matched, the words
          // behind the learned crisis risk (only when it made the comment urgent: a lower risk's "top words" are ordinary
          // words) and those that pushed the spam score.
          highlights: [
            ...(comment.highlights ?? []),
            ...(flags.some((flag) => flag.kind === 'crisis' && flag.severity === 'urgent') ? (comment.crisisWords ?? []).filter((entry) => entry.weight > 0).map((entry) => entry.word) : []),
            ...(comment.spamWords ?? []).filter((entry) => entry.weight > 0).map((entry) => entry.word),
          ],
          spamScore: comment.spamScore === null ? null : Number(comment.spamScore),
          spamWords: comment.spamWords ?? [],
          crisisRisk: comment.crisisRisk === null ? null : Number(comment.crisisRisk),
          crisisWords: comment.crisisWords ?? [],
          language: comment.language,
          publishedWithoutReview: Boolean(comment.autoApproved) && comment.reviewedAt === null && comment.moderationStatus === 'approved',
          createdAt: comment.createdAt,
          article: comment.article ? { documentId: comment.article.documentId, title: comment.article.title, url: articleUrl(comment.article.slug) } : null,
          parent: comment.parent ?? null,
          // Readers' open reports: how many, for what reasons, and what they wrote (never who they are).
          reports: reports[comment.documentId] ?? null,
          events: (events as Array<Record<string, unknown>>)
            .filter((event) => event.commentDocumentId === comment.documentId)
            .map(({ action, fromStatus, toStatus, actor, detail, createdAt }) => ({ action, fromStatus, toStatus, actor, detail, createdAt })),
        };
      });
    },
  };
};

export default service;

declare module '#app/utils/services' {
  interface Services {
    'plugin::moderation.queue': ReturnType<typeof service>;
  }
}
