import type { Core, Modules } from '@strapi/strapi';
import { isCrisis, type Facts } from '#domain/moderation';
import { toPlainText } from '../utils/plain-text';
import type { AkismetComment } from '../api/comment/services/akismet';
import type { Evaluation } from '../api/comment/services/moderation';
import { prepareSpamLearning } from './spam-learning';
import { getService } from '../utils/services';
import { getConfig } from '../utils/config';

const COMMENT = 'api::comment.comment';
/** Embeddings, overrides and isolates (U+202A–202E, U+2066–2069), directional marks (U+200E, U+200F, U+061C). */
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]/g;

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

const comments = (strapi: Core.Strapi) => getService(strapi, 'api::comment.comment');

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

/** What the phases learned, as the comment stores it (the inbox reads these instead of running the rules again). */
const factFields = (facts: Facts) => ({
  spamScore: facts.spamScore ? Math.round(facts.spamScore.probability * 1000) / 1000 : null,
  spamWords: facts.spamScore?.words ?? null,
  crisisRisk: facts.crisisRisk ? Math.round(facts.crisisRisk.score * 1000) / 1000 : null,
  crisisWords: facts.crisisRisk?.words ?? null,
  reviewRisk: facts.reviewRisk ? Math.round(facts.reviewRisk.score * 1000) / 1000 : null,
  highlights: facts.crisisMatches,
  language: facts.language?.code ?? null,
});

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
  const { verdict, facts }: Evaluation = await getService(strapi, 'api::comment.moderation').evaluate({
    body: String(data.body),
    markup,
    authorEmail: '',
    articleTitle: stored.article?.title,
  });
  const flags = verdict.flags.filter((flag) => flag !== 'duplicate-text');
  Object.assign(data, { flags, flagSummary: flags.join(', ').slice(0, 255), ...factFields(facts) });
  if (isCrisis(flags) && stored.priority !== 'urgent') {
    data.priority = 'urgent';
    data.escalatedAt = null;
    data.urgentSince = new Date().toISOString();
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
    // Bodies keep their text (emoji joiners included) but lose the bidi controls that reorder what readers see.
    if (typeof data.body === 'string') data.body = data.body.replace(BIDI_CONTROLS, '');
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
        // A person decided: it has been read (it leaves the Published without review tab).
        if (data.moderatedBy) Object.assign(data, { reviewedAt: data.moderatedAt, reviewedBy: data.moderatedBy });
        if (data.moderatedBy && params.documentId) afterDecision = await prepareSpamLearning(strapi, params.documentId, data);
      }
      if (typeof data.body === 'string' && params.documentId) await recheckEditedBody(strapi, params.documentId, data, markup);
      const updated = await next();
      await afterDecision();
      return updated;
    }

    const { article } = await comments(strapi).assertCommentable(data);
    const reader = readerForAkismet(strapi, data);
    const moderated = getConfig(strapi, 'moderation').enabled;
    const { verdict, facts, contentHash }: Evaluation = moderated
      ? await getService(strapi, 'api::comment.moderation').evaluate(
          { body: String(data.body ?? ''), markup, authorEmail: String(data.authorEmail ?? ''), honeypot, articleTitle: article.title },
          verifiedAuthor,
          reader
        )
      : { verdict: { flags: [], moderationStatus: 'pending', priority: 'normal', autoApproved: false }, facts: { links: [], untrustedLinks: [], crisisMatches: [] }, contentHash: '' };
    // The practice's own reply is published unless it holds crisis language (then a second person reads it first).
    const status = fromPractice && verdict.priority !== 'urgent' ? 'approved' : verdict.moderationStatus;
    Object.assign(data, {
      byPractice: fromPractice,
      moderationStatus: status,
      priority: verdict.priority,
      flags: verdict.flags,
      // The admin list cannot show a JSON column, so it shows this copy.
      flagSummary: verdict.flags.join(', ').slice(0, 255),
      contentHash,
      ...factFields(facts),
      // Published with no person having read it: waits in the inbox's "Published without review" tab.
      autoApproved: verdict.autoApproved && !fromPractice,
      urgentSince: verdict.priority === 'urgent' ? new Date().toISOString() : null,
      reviewedAt: null,
      reviewedBy: null,
      crisisLabel: null,
      trainedAs: null,
      // Kept only while Akismet may still be told the moderator's decision.
      authorIp: reader && getService(strapi, 'api::comment.akismet').enabled() ? reader.ip : null,
      moderatedAt: null,
      moderatedBy: null,
      moderationNote: null,
    });

    const created = await next();
    // A create answers with the stored comment.
    if (verdict.priority === 'urgent') comments(strapi).notifyModerators(created as { documentId: string; authorName?: string; body?: string }, article);
    return created;
  };
