import type { Core } from '@strapi/strapi';
import { sign, verify, type UnsubscribeClaims } from '#app/tokens/reader-tokens';
import { getService } from '#app/utils/services';
import { getConfig } from '#app/utils/config';
import { say } from '#domain/messages';
import { defaultLocale } from '#app/utils/locales';

const COMMENT = 'api::comment.comment';
const DAY = 24 * 3600;

interface ReplyRow {
  id: number;
  documentId: string;
  authorEmail: string;
  moderationStatus: string;
  replyNotifiedAt: string | null;
  parent: { documentId: string; authorEmail: string; notifyReplies: boolean | null; language: string | null } | null;
  article: { documentId: string; slug: string; title: string; locale?: string | null } | null;
}

const fill = (template: string, values: Record<string, string>) =>
  template.replace(/\{(\w+)\}/g, (placeholder, name: string) => (name in values ? encodeURIComponent(values[name]) : placeholder));

/**
 * Opt-in reply notifications: when a reply becomes approved, the author of the comment it answers is emailed once,
 * if they asked to be (`notifyReplies`) and their address is confirmed. The email holds no text of the reply, only a
 * link to the thread and a signed one-click unsubscribe link.
 */
const service = ({ strapi }: { strapi: Core.Strapi }) => {
  const config = () => getConfig(strapi, 'readers');
  const secret = () => getConfig(strapi, 'moderation').verification.secret;
  const siteName = () => getConfig(strapi, 'moderation').verification.siteName;

  const isVerified = async (email: string) =>
    Boolean((await strapi.db.query('api::commenter.commenter').findOne({ where: { email }, select: ['verifiedAt'] }))?.verifiedAt);

  /** Notifications started in the background and not finished yet. */
  const pending = new Set<Promise<unknown>>();

  return {
    /** `notifyReply` without waiting for it (after a moderator's decision); a failure is logged. */
    notifyLater(replyDocumentId: string): void {
      const task: Promise<unknown> = this.notifyReply(replyDocumentId)
        .catch((error: Error) => strapi.log.error(`Reply notification for comment ${replyDocumentId} failed: ${error.message}`))
        .finally(() => pending.delete(task));
      pending.add(task);
    },

    /** Resolves once every notification started in the background so far has finished. */
    async idle(): Promise<void> {
      await Promise.allSettled([...pending]);
    },

    /** Emails the parent's author about an approved reply, at most once per reply (claimed, so instances never both send). */
    async notifyReply(replyDocumentId: string, now = new Date()): Promise<boolean> {
      const reply = (await strapi.db.query(COMMENT).findOne({
        where: { documentId: replyDocumentId },
        select: ['id', 'documentId', 'authorEmail', 'moderationStatus', 'replyNotifiedAt'],
        populate: { parent: { select: ['documentId', 'authorEmail', 'notifyReplies', 'language'] }, article: { select: ['documentId', 'slug', 'title', 'locale'] } },
      })) as ReplyRow | null;
      const parent = reply?.parent;
      if (!reply || !parent?.notifyReplies || reply.moderationStatus !== 'approved' || reply.replyNotifiedAt) return false;
      if (parent.authorEmail === reply.authorEmail || !(await isVerified(parent.authorEmail))) return false;
      const { count } = await strapi.db.query(COMMENT).updateMany({ where: { id: reply.id, replyNotifiedAt: { $null: true } }, data: { replyNotifiedAt: now } });
      if (count !== 1) return false;

      const { threadUrl, unsubscribeUrl, unsubscribeDays } = config();
      const token = sign('unsubscribe', { email: parent.authorEmail, comment: parent.documentId }, secret(), unsubscribeDays * DAY);
      const thread = fill(threadUrl, {
        slug: reply.article?.slug ?? '',
        article: reply.article?.documentId ?? '',
        locale: reply.article?.locale ?? defaultLocale(strapi),
        comment: reply.documentId,
        parent: parent.documentId,
      });
      try {
        // In the language the reader wrote in, else the article's.
        const language = parent.language ?? reply.article?.locale ?? null;
        await getService(strapi, 'plugin::email.email').send({
          to: parent.authorEmail,
          subject: say(language, 'email.reply.subject', { siteName: siteName() }),
          text: say(language, 'email.reply.text', { title: reply.article?.title ?? siteName(), thread, unsubscribe: fill(unsubscribeUrl, { token }) }),
        });
        return true;
      } catch (error) {
        strapi.log.error(`Could not send a reply notification for comment ${reply.documentId}: ${(error as Error).message}`);
        // Unclaimed again: a later approval of the same reply may try once more.
        await strapi.db.query(COMMENT).updateMany({ where: { id: reply.id, replyNotifiedAt: now }, data: { replyNotifiedAt: null } });
        return false;
      }
    },

    /** One click in the email: no more reply notifications for that comment. Answers the same whether or not it still exists. */
    async unsubscribe(token: unknown): Promise<void> {
      const { email, comment } = verify<UnsubscribeClaims>(token, 'unsubscribe', secret(), 'token', 'unsubscribe link');
      await strapi.db.query(COMMENT).updateMany({ where: { documentId: comment, authorEmail: email }, data: { notifyReplies: false } });
    },
  };
};

export default service;

declare module '#app/utils/services' {
  interface Services {
    'api::commenter.reply-notifications': ReturnType<typeof service>;
  }
}
