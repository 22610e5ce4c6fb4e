import { createHash } from 'crypto';
import type { Core } from '@strapi/strapi';
import { responseCache } from '#app/utils/response-cache/index';
import { getService } from '#app/utils/services';
import { getConfig } from '#app/utils/config';

const REPORT = 'api::comment-report.comment-report';
const COMMENT = 'api::comment.comment';

export const REPORT_REASONS = ['spam', 'harmful', 'personal-details', 'crisis', 'other'] as const;
export type ReportReason = (typeof REPORT_REASONS)[number];

/** What moderators see of a comment's open reports: never who sent them. */
export interface ReportSummary {
  total: number;
  reasons: Partial<Record<ReportReason, number>>;
  reports: Array<{ reason: ReportReason; text: string | null; createdAt: string }>;
  firstReportedAt: string;
  lastReportedAt: string;
}

export interface ReportedComment {
  id: number;
  documentId: string;
  moderationStatus: string;
  priority: string;
  flags: string[] | null;
  authorName: string;
  body: string;
  /** A reply by the practice: reports bring it to a moderator, never off the page. */
  byPractice?: boolean | null;
  article?: { title: string } | null;
}

export interface NewReport {
  reason: ReportReason;
  text?: string | null;
  /** Who reported, as a salted hash: one report per reader per comment. */
  readerKey: string;
  /** The connection it came from (`ip:<IP hash>`): however many addresses it shows, it counts once towards hiding. */
  connectionKey: string;
}

type ReportRow = { reason: ReportReason; text: string | null; createdAt: string; comment: { documentId: string } | null };

const withReportedFlag = (comment: ReportedComment) => {
  const flags = [...new Set([...(comment.flags ?? []), 'reported'])];
  return { flags, flagSummary: flags.join(', ').slice(0, 255) };
};

/**
 * Readers' reports of public comments. Reports from enough different connections (`readers.reportsToHide`) take
 * the comment off the page (back to pending, flagged `reported`); a reply by the practice is flagged and stays. A
 * crisis report makes the comment urgent and emails the moderators. A moderator's decision on the comment resolves
 * its reports (`resolve`).
 */
const service = ({ strapi }: { strapi: Core.Strapi }) => {
  const reports = () => strapi.db.query(REPORT);
  /**
   * Different connections among the open reports: one person showing one connection and several confirmed
   * addresses counts once. Reports stored before connections were kept count by their reader.
   */
  const openConnections = async (commentId: number) => {
    const rows: Array<{ connectionKey: string | null; readerKey: string }> = await reports().findMany({
      where: { comment: { id: commentId }, resolvedAt: { $null: true } },
      select: ['connectionKey', 'readerKey'],
    });
    return new Set(rows.map((row) => row.connectionKey ?? row.readerKey)).size;
  };

  const hide = async (comment: ReportedComment) => {
    const { count } = await strapi.db.query(COMMENT).updateMany({
      where: { id: comment.id, moderationStatus: 'approved' },
      data: { moderationStatus: 'pending', ...withReportedFlag(comment) },
    });
    if (count === 1) {
      // Written past the Document Service (a conditional update): the public thread's cached answers go by hand.
      responseCache(strapi)?.invalidate([COMMENT]);
      strapi.log.info(`Comment ${comment.documentId} hidden after readers' reports, until a moderator decides.`);
    }
  };

  /** The practice's own reply is never hidden by readers: it is flagged for a moderator and stays public. */
  const flagForReview = async (comment: ReportedComment) => {
    if (comment.flags?.includes('reported')) return;
    await strapi.db.query(COMMENT).update({ where: { id: comment.id }, data: withReportedFlag(comment) });
    strapi.log.info(`Comment ${comment.documentId}, a reply by the practice, reported by several readers: kept public, flagged for review.`);
  };

  const markUrgent = async (comment: ReportedComment) => {
    const { count } = await strapi.db.query(COMMENT).updateMany({
      where: { id: comment.id, priority: 'normal' },
      data: { priority: 'urgent', escalatedAt: null },
    });
    if (count === 1) getService(strapi, 'api::comment-report.notify').crisisReported(comment);
  };

  return {
    /** Stores one report (a second one from the same reader is ignored); answers whether it was new. */
    async record(comment: ReportedComment, report: NewReport): Promise<boolean> {
      const dedupeKey = createHash('sha256').update(`${comment.id}:${report.readerKey}`).digest('hex');
      if (await reports().findOne({ where: { dedupeKey }, select: ['id'] })) return false;
      try {
        await reports().create({
          data: { comment: comment.id, reason: report.reason, text: report.text || null, readerKey: report.readerKey, connectionKey: report.connectionKey, dedupeKey },
        });
      } catch (error) {
        // Two reports from one reader at once: the unique key keeps the first.
        if (await reports().findOne({ where: { dedupeKey }, select: ['id'] })) return false;
        throw error;
      }
      await strapi.db.query(COMMENT).updateMany({ where: { id: comment.id, reportedAt: { $null: true } }, data: { reportedAt: new Date() } });
      if (report.reason === 'crisis') await markUrgent(comment);
      if ((await openConnections(comment.id)) >= getConfig(strapi, 'readers').reportsToHide) {
        await (comment.byPractice ? flagForReview(comment) : hide(comment));
      }
      return true;
    },

    /** Open reports of each comment (by documentId), for the moderation queue and the admin's Reported tab. */
    async openReports(documentIds: string[]): Promise<Record<string, ReportSummary>> {
      if (documentIds.length === 0) return {};
      const rows = (await reports().findMany({
        where: { comment: { documentId: { $in: documentIds } }, resolvedAt: { $null: true } },
        select: ['reason', 'text', 'createdAt'],
        populate: { comment: { select: ['documentId'] } },
        orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
      })) as ReportRow[];
      const summaries: Record<string, ReportSummary> = {};
      for (const row of rows) {
        if (!row.comment) continue;
        const summary = (summaries[row.comment.documentId] ??= { total: 0, reasons: {}, reports: [], firstReportedAt: row.createdAt, lastReportedAt: row.createdAt });
        summary.total += 1;
        summary.reasons[row.reason] = (summary.reasons[row.reason] ?? 0) + 1;
        summary.reports.push({ reason: row.reason, text: row.text, createdAt: row.createdAt });
        summary.lastReportedAt = row.createdAt;
      }
      return summaries;
    },

    /** Deletes every report of a comment that is being deleted; answers how many. */
    async forget(documentId: string): Promise<number> {
      const rows: Array<{ id: number }> = await reports().findMany({ where: { comment: { documentId } }, select: ['id'] });
      if (rows.length === 0) return 0;
      return (await reports().deleteMany({ where: { id: { $in: rows.map((row) => row.id) } } })).count;
    },

    /** A moderator decided on the comment: its open reports are resolved and it leaves the Reported queue. */
    async resolve(documentId: string, now = new Date()): Promise<void> {
      const comment = await strapi.db.query(COMMENT).findOne({ where: { documentId }, select: ['id', 'reportedAt'] });
      if (!comment?.reportedAt) return;
      const open: Array<{ id: number }> = await reports().findMany({ where: { comment: { id: comment.id }, resolvedAt: { $null: true } }, select: ['id'] });
      if (open.length > 0) await reports().updateMany({ where: { id: { $in: open.map((report) => report.id) } }, data: { resolvedAt: now } });
      await strapi.db.query(COMMENT).update({ where: { id: comment.id }, data: { reportedAt: null } });
    },
  };
};

export default service;

declare module '#app/utils/services' {
  interface Services {
    'api::comment-report.comment-report': ReturnType<typeof service>;
  }
}
