import type { Core } from '@strapi/strapi';
import type { SpamLabel } from '#domain/moderation';
import { emailHash } from '#app/utils/reader-identity';
import { responseCache } from '#app/utils/response-cache/index';
import { getService } from '#app/utils/services';

const COMMENT = 'api::comment.comment';
const REPORT = 'api::comment-report.comment-report';

export type ErasureMode = 'anonymise' | 'delete';
export const FORMER_READER = { authorName: 'Former reader', authorEmail: 'former-reader@erased.invalid' } as const;
export const ERASED_BODY = 'This comment was removed at the request of its author.';

export interface ErasureCounts {
  comments: number;
  mode: ErasureMode;
  reports: number;
  inquiries: number;
  commenter: boolean;
}

type ExportedComment = {
  /** Added by the query engine to rows it populates; internal, never exported. */
  id: number;
  documentId: string;
  authorName: string;
  authorEmail: string;
  body: string;
  moderationStatus: string;
  notifyReplies: boolean | null;
  createdAt: string;
  updatedAt: string;
  article: { documentId: string; title: string; slug: string } | null;
  parent: { documentId: string } | null;
};

/**
 * A reader's own data: everything the CMS keeps under their address (export), and its erasure. Both are logged as
 * data requests (`api::data-request.data-request`: who, when, what, how many), never with the data itself.
 */
const service = ({ strapi }: { strapi: Core.Strapi }) => ({
  /** Their comments (every status), the reports they sent, their inquiries about programs and their confirmation, as JSON. */
  async collect(email: string) {
    const [commenter, comments, reports, inquiries] = await Promise.all([
      strapi.db.query('api::commenter.commenter').findOne({ where: { email }, select: ['email', 'verifiedAt', 'createdAt'] }) as Promise<{ verifiedAt: string | null } | null>,
      strapi.db.query(COMMENT).findMany({
        where: { authorEmail: email },
        select: ['documentId', 'authorName', 'authorEmail', 'body', 'moderationStatus', 'notifyReplies', 'createdAt', 'updatedAt'],
        populate: { article: { select: ['documentId', 'title', 'slug'] }, parent: { select: ['documentId'] } },
        orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
      }) as Promise<ExportedComment[]>,
      strapi.db.query(REPORT).findMany({
        where: { readerKey: `email:${emailHash(strapi, email)}` },
        select: ['reason', 'text', 'createdAt'],
        populate: { comment: { select: ['documentId'] } },
        orderBy: [{ createdAt: 'asc' }],
      }) as Promise<Array<{ id: number; reason: string; text: string | null; createdAt: string; comment: { documentId: string } | null }>>,
      getService(strapi, 'api::inquiry.inquiry').ofEmail(email),
    ]);
    return {
      email,
      exportedAt: new Date().toISOString(),
      confirmedAt: commenter?.verifiedAt ?? null,
      // Without the row ids the query engine adds for populating: the export holds what the reader gave and what was decided, not database internals.
      comments: comments.map(({ id: _id, article, parent, ...comment }) => ({ ...comment, article, replyTo: parent?.documentId ?? null })),
      reports: reports.map(({ id: _id, comment, ...report }) => ({ ...report, comment: comment?.documentId ?? null })),
      inquiries,
    };
  },

  /**
   * Erases the address's comments written up to `before` (the moment the erasure was asked for): deleted, or kept
   * as "Former reader" placeholders with the text removed so replies by others keep their place. Their reports,
   * their inquiries about programs (deleted, whatever the mode) and their confirmation go too. Blocks set by
   * moderators stay.
   */
  async erase(email: string, mode: ErasureMode, before = new Date()): Promise<ErasureCounts> {
    // All or nothing: an erasure cut short leaves the reader's data as it was, to be asked again.
    return strapi.db.transaction(() => this.eraseNow(email, mode, before));
  },

  async eraseNow(email: string, mode: ErasureMode, before: Date): Promise<ErasureCounts> {
    const theirs: Array<{ id: number; documentId: string; body: string; trainedAs: SpamLabel | null; crisisLabel: string | null }> = await strapi.db.query(COMMENT).findMany({
      where: { authorEmail: email, createdAt: { $lte: before } },
      select: ['id', 'documentId', 'body', 'trainedAs', 'crisisLabel'],
    });
    const ids = theirs.map((comment) => comment.id);
    // Their words leave the learned spam filter too (in this transaction: an erasure that fails unlearns nothing).
    const lessons = theirs.flatMap(({ body, trainedAs }) => (trainedAs ? [{ text: body, label: trainedAs }] : []));
    await getService(strapi, 'api::comment.spam-classifier').unlearn(lessons);
    let reports = 0;
    if (mode === 'delete' && ids.length > 0) {
      // Through the Document Service, so relation links and reports about them go too; replies by others stay, as top-level comments.
      for (const { documentId } of theirs) {
        reports += await getService(strapi, 'api::comment-report.comment-report').forget(documentId);
        await strapi.documents(COMMENT).delete({ documentId });
      }
    } else if (ids.length > 0) {
      await strapi.db.query(COMMENT).updateMany({
        where: { id: { $in: ids } },
        data: {
          ...FORMER_READER,
          body: ERASED_BODY,
          ipHash: null,
          authorIp: null,
          userAgent: null,
          contentHash: null,
          spamWords: null,
          trainedAs: null,
          crisisWords: null,
          crisisLabel: null,
          highlights: null,
          notifyReplies: false,
        },
      });
      // Written past the Document Service: public threads showing these comments are cleared by hand.
      responseCache(strapi)?.invalidate([COMMENT]);
    }
    // A moderator's urgent / not-urgent decision on them goes too: the crisis model retrains without their words.
    if (theirs.some((comment) => comment.crisisLabel)) getService(strapi, 'api::comment.crisis-model').relearn();
    reports += (await strapi.db.query(REPORT).deleteMany({ where: { readerKey: `email:${emailHash(strapi, email)}` } })).count;
    const inquiries = await getService(strapi, 'api::inquiry.inquiry').eraseEmail(email, before);
    const commenter = (await strapi.db.query('api::commenter.commenter').deleteMany({ where: { email } })).count > 0;
    strapi.log.info(`Erased a reader's data: ${ids.length} comment(s) (${mode}), ${reports} report(s), ${inquiries} inquiry(ies).`);
    return { comments: ids.length, mode, reports, inquiries, commenter };
  },
});

export default service;

declare module '#app/utils/services' {
  interface Services {
    'api::data-request.reader-data': ReturnType<typeof service>;
  }
}
