import type { Core, Modules } from '@strapi/strapi';
import { toPlainText } from '../utils/plain-text';
import { isCrisis, type Verdict } from '../api/comment/moderation/decide';
import type { AkismetComment } from '../api/comment/services/akismet';
import type { Evaluation } from '../api/comment/services/moderation';
import { prepareSpamLearning } from './spam-learning';

const COMMENT = 'api::comment.comment';

type CommentData = Record<string, unknown>;

/** Who made the change: an admin-panel user, an API moderator, or nobody (scripts, the seed). */
const currentActor = (strapi: Core.Strapi): string | null => {
  const ctx = strapi.requestContext.get() as
    | { state?: { user?: { email?: string; username?: string }; auth?: { strategy?: { name?: string } } } }
    | undefined;
  const user = ctx?.state?.user;
  if (!user) return null;
  const realm = ctx?.state?.auth?.strategy?.name === 'admin' ? 'admin' : 'api';
  return `${realm}:${user.email ?? user.username}`;
};

const comments = (strapi: Core.Strapi) => strapi.service('api::comment.comment');

/** The reader who sent a public request (for Akismet); none for comments made in the admin panel or by scripts. */
const readerForAkismet = (strapi: Core.Strapi, data: CommentData): AkismetComment | undefined => {
  const ctx = strapi.requestContext.get() as { request?: { ip?: string } } | undefined;
  if (!ctx?.request?.ip || currentActor(strapi)) return undefined;
  return {
    ip: ctx.request.ip,
    userAgent: typeof data.userAgent === 'string' ? data.userAgent : undefined,
    name: String(data.authorName ?? ''),
    email: String(data.authorEmail ?? ''),
    content: String(data.body ?? ''),
  };
};

/**
 * An edited body goes through crisis detection again: new crisis language makes the comment urgent, takes it off
 * the public page until a person has read it (unless this very save is a moderator's decision) and notifies.
 */
const recheckEditedBody = async (strapi: Core.Strapi, documentId: string, data: CommentData, markup?: string) => {
  const stored = await strapi.db.query(COMMENT).findOne({
    where: { documentId },
    select: ['body', 'flags', 'moderationStatus', 'priority', 'authorName'],
    populate: { article: { select: ['documentId', 'title', 'slug'] } },
  });
  if (!stored || stored.body === data.body) return;
  const verdict: Verdict = await strapi.service('api::comment.moderation').evaluate({
    body: String(data.body),
    markup,
    authorEmail: '',
    articleTitle: stored.article?.title,
  });
  const flags = verdict.flags.filter((flag) => flag !== 'duplicate-text');
  data.flags = flags;
  data.flagSummary = flags.join(', ').slice(0, 255);
  if (isCrisis(flags) && stored.priority !== 'urgent') {
    data.priority = 'urgent';
    data.escalatedAt = null;
    if (!('moderationStatus' in data) || data.moderationStatus === stored.moderationStatus) data.moderationStatus = 'pending';
    comments(strapi).notifyModerators({ documentId, authorName: stored.authorName, body: String(data.body) }, stored.article);
  }
};

/**
 * The moderation pipeline, once per create on every path (REST, admin panel, Document Service, seed): the text is
 * stored as plain text, the article and parent are checked, the rules decide status, priority and flags (whatever
 * the caller sent), and urgent comments notify the moderators. On update, a status change records who and when.
 */
export const moderationMiddleware =
  (strapi: Core.Strapi): Modules.Documents.Middleware.Middleware =>
  async (context, next) => {
    if (context.uid !== COMMENT || (context.action !== 'create' && context.action !== 'update')) return next();
    const params = context.params as { data?: CommentData; documentId?: string };
    const data = params.data;
    if (!data) return next();

    // Links are collected from the input as sent, before the markup (and an href with it) is removed.
    const markup = typeof data.body === 'string' ? data.body : undefined;
    for (const field of ['body', 'authorName', 'moderationNote'] as const) {
      if (typeof data[field] === 'string') data[field] = toPlainText(data[field] as string);
    }
    // Names are shown as they are: no control, zero-width or bidi characters that could disguise or reorder them.
    if (typeof data.authorName === 'string') data.authorName = data.authorName.replace(/[\p{Cc}\p{Cf}]/gu, '').trim();
    if (typeof data.authorEmail === 'string') data.authorEmail = data.authorEmail.trim().toLowerCase();

    const honeypot = typeof data.honeypot === 'string' ? data.honeypot : undefined;
    const verifiedAuthor = data.verifiedAuthor === true;
    // A reply written in the admin panel's inbox as the practice (only an admin user can make one).
    const fromPractice = data.fromPractice === true && Boolean(currentActor(strapi)?.startsWith('admin:'));
    delete data.honeypot;
    delete data.verifiedAuthor;
    delete data.fromPractice;

    if (context.action === 'update') {
      let afterDecision = async (): Promise<void> => undefined;
      if ('moderationStatus' in data) {
        data.moderatedAt = new Date().toISOString();
        data.moderatedBy = currentActor(strapi);
        if (data.moderatedBy && params.documentId) afterDecision = await prepareSpamLearning(strapi, params.documentId, data);
      }
      if (typeof data.body === 'string' && params.documentId) await recheckEditedBody(strapi, params.documentId, data, markup);
      const updated = await next();
      await afterDecision();
      return updated;
    }

    const { article } = await comments(strapi).assertCommentable(data);
    const reader = readerForAkismet(strapi, data);
    const verdict: Evaluation = strapi.config.get('moderation.enabled', true)
      ? await strapi.service('api::comment.moderation').evaluate(
          { body: String(data.body ?? ''), markup, authorEmail: String(data.authorEmail ?? ''), honeypot, articleTitle: article.title },
          verifiedAuthor,
          reader
        )
      : { flags: [], moderationStatus: 'pending', priority: 'normal', contentHash: '' };
    // The practice's own reply is published unless it holds crisis language (then a second person reads it first).
    if (fromPractice && verdict.priority !== 'urgent') verdict.moderationStatus = 'approved';
    Object.assign(data, {
      byPractice: fromPractice,
      moderationStatus: verdict.moderationStatus,
      priority: verdict.priority,
      flags: verdict.flags,
      // The admin list cannot show a JSON column, so it shows this copy.
      flagSummary: verdict.flags.join(', ').slice(0, 255),
      contentHash: verdict.contentHash,
      spamScore: verdict.spamScore ? Math.round(verdict.spamScore.probability * 1000) / 1000 : null,
      spamWords: verdict.spamScore?.words ?? null,
      trainedAs: null,
      // Kept only while Akismet may still be told the moderator's decision.
      authorIp: reader && strapi.service('api::comment.akismet').enabled() ? reader.ip : null,
      moderatedAt: null,
      moderatedBy: null,
      moderationNote: null,
    });

    const created = await next();
    if (verdict.priority === 'urgent') comments(strapi).notifyModerators(created, article);
    return created;
  };
