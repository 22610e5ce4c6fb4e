import { factories } from '@strapi/strapi';
import type { Core, Modules } from '@strapi/strapi';
import type { Context } from 'koa';
import { resolveVersion } from '#app/utils/public-read';
import { checkedLocale } from '#app/utils/locales';
import { toPlainText } from '#app/utils/plain-text';
import { ipHash, neutralDocumentId } from '#app/utils/reader-identity';
import { unavailable } from '#app/middlewares/database-unavailable';
import { retryOnForeignKeyRace } from '#app/utils/foreign-key-retry';
import { fieldError, parseInput } from '#app/utils/validation';
import { floodGate } from '#app/middlewares/flood-control';
import { isCrisis } from '#domain/moderation';
import { supportFor } from '#app/utils/support';
import { say } from '#domain/messages';
import type { Evaluation } from '../services/moderation';
import {
  commentCreateSchema,
  envelope,
  HONEYPOT_FIELD,
  moderateSchema,
  queueQuerySchema,
  SERVER_FIELDS,
  threadQuerySchema,
  type CommentCreateInput,
} from '../validation';
import { getService } from '#app/utils/services';
import { getConfig } from '#app/utils/config';

const COMMENT = 'api::comment.comment';

/** Create input plus the honeypot, which the moderation middleware reads and removes before storing. */
type CommentInput = Modules.Documents.Params.Data.Input<typeof COMMENT> & { honeypot?: string; verifiedAuthor?: boolean };

const PUBLIC_FIELDS = ['documentId', 'authorName', 'body', 'createdAt'];
const MODERATOR_FIELDS = [...PUBLIC_FIELDS, 'authorEmail', 'moderationStatus', 'priority', 'flags', 'moderationNote', 'moderatedAt', 'moderatedBy', 'escalatedAt', 'userAgent'];
const APPROVED_ON_PUBLISHED_ARTICLE = { moderationStatus: 'approved' as const, article: { publishedAt: { $notNull: true } } };
const ARTICLE_REF = { article: { fields: ['documentId', 'locale'] as unknown as ['documentId'] } };
type PublicComment = Record<string, unknown> & { article?: ({ documentId: string; locale?: string | null } & Record<string, unknown>) | null };
type CreatedComment = { documentId: string; moderationStatus?: string | null; flags?: string[] | null; language?: string | null };

/** The comment fields of a create request: server-decided fields named first, then the schema. */
const parseCreate = (body: unknown, maxBodyLength: number): CommentCreateInput => {
  const { data } = parseInput(envelope, body);
  const serverField = SERVER_FIELDS.find((field) => field in data);
  if (serverField) throw fieldError(serverField, `${serverField} is decided by the server and cannot be sent`);
  return parseInput(commentCreateSchema(maxBodyLength), data);
};

export default factories.createCoreController(COMMENT, ({ strapi }: { strapi: Core.Strapi }) => {
  const sanitizedPublic = async (ctx: Context, data: unknown) => {
    const sanitized = await strapi.contentAPI.sanitize.output(data, strapi.contentType(COMMENT), { auth: ctx.state.auth });
    return sanitized as Record<string, unknown>;
  };

  /**
   * Each comment's article as published: a comment may be linked to the article's draft row, whose title can be
   * an unpublished edit, so title and slug always come from the published version.
   */
  const withPublishedArticles = async (comments: PublicComment[]) => {
    const ids = [...new Set(comments.flatMap((comment) => (comment.article?.documentId ? [comment.article.documentId] : [])))];
    const published: Array<{ documentId: string; locale?: string | null; title: string; slug: string }> = ids.length
      ? await strapi.db.query('api::article.article').findMany({
          where: { documentId: { $in: ids }, publishedAt: { $notNull: true } },
          select: ['documentId', 'locale', 'title', 'slug'],
        })
      : [];
    const key = (documentId: string, locale?: string | null) => `${documentId}\n${locale ?? ''}`;
    const byVersion = new Map(published.map((article) => [key(article.documentId, article.locale), article]));
    for (const comment of comments) {
      const version = comment.article ? byVersion.get(key(comment.article.documentId, comment.article.locale)) : undefined;
      comment.article = version ? { documentId: version.documentId, title: version.title, slug: version.slug, locale: version.locale ?? null } : null;
    }
    return comments;
  };

  /**
   * 201 with a neutral state; crisis language adds what the website shows at once (never the comment's text). Said
   * in the language the comment is written in when it is recognised (a reader in crisis is answered in their own),
   * else in the article's (its locale).
   */
  const answerCreated = (ctx: Context, comment: CreatedComment, articleLocale: string | null) => {
    const published = comment.moderationStatus === 'approved';
    const language = comment.language ?? articleLocale;
    ctx.status = 201;
    ctx.body = {
      data: {
        documentId: comment.documentId,
        state: published ? 'published' : 'received',
        message: say(language, published ? 'comment.published' : 'comment.received'),
        ...(isCrisis(comment.flags ?? []) ? { support: supportFor(strapi, language) } : {}),
      },
    };
  };

  return {
    /** POST /api/comments: validate, resolve the article, apply flood control, then create through the pipeline. */
    async create(ctx: Context) {
      const data = parseCreate(ctx.request.body, getConfig(strapi, 'moderation').maxBodyLength);
      if (toPlainText(data.body) === '') throw fieldError('body', 'body must contain text, not only markup');
      if (toPlainText(data.authorName).replace(/[\p{Cc}\p{Cf}]/gu, '').trim() === '') throw fieldError('authorName', 'authorName must contain text');
      const authorEmail = data.authorEmail.toLowerCase();
      const commenters = getService(strapi, 'api::commenter.commenter');
      // A commenter token proves the address (only then may a comment be approved without review).
      const verifiedAuthor = data.commenterToken ? (await commenters.verifiedEmail(data.commenterToken)) === authorEmail : false;
      if (data.commenterToken && !verifiedAuthor) {
        throw fieldError('commenterToken', 'commenterToken belongs to another email address than authorEmail');
      }
      if (data.notifyReplies && !verifiedAuthor) throw fieldError('notifyReplies', 'notifyReplies needs a commenterToken: replies are emailed to confirmed addresses only');

      const locale = data.locale ? checkedLocale(strapi, data.locale) : undefined;
      const article = await resolveVersion(strapi, 'api::article.article', data.article, { locale, anyLocale: true });
      if (!article) throw fieldError('article', `article "${data.article}" is not a published article${locale ? ` in locale ${locale}` : ''}`);

      const ip = ipHash(strapi, ctx.request.ip);
      // The same text again within a day from the same connection, or from the same confirmed address, is the same
      // comment: answered as the first, nothing stored. Anyone else sending it gets a new comment of their own.
      const blocks = getService(strapi, 'api::commenter-block.commenter-block');
      const plain = toPlainText(data.body);
      const provenEmail = verifiedAuthor ? authorEmail : null;
      const repeat = (await getService(strapi, 'api::comment.moderation').recentRepeat(plain, ip, provenEmail)) ?? blocks.silentRepeat(plain, ip, provenEmail);
      if (repeat) return answerCreated(ctx, repeat, article.locale);

      // Flood control before any rule, the same for every address, blocked or not: a typed address that is not
      // proven by a token has no allowance of its own (a 429 for it would tell who else commented).
      await floodGate(ctx).admit([`ip:${ip}`, ...(verifiedAuthor ? [`email:${authorEmail}`] : [])]);

      // A blocked author gets the answer anyone gets (help included, if the text needs it), and nothing is stored.
      if (await blocks.isBlocked({ email: authorEmail, ipHash: ip })) {
        const { verdict, facts }: Evaluation = await getService(strapi, 'api::comment.moderation').evaluate({ body: plain, markup: data.body, authorEmail: '' });
        const answer = { documentId: neutralDocumentId(), moderationStatus: 'pending' as const, flags: verdict.flags, language: facts.language?.code ?? null };
        blocks.rememberSilentAnswer(plain, ip, provenEmail, answer);
        return answerCreated(ctx, answer, article.locale);
      }

      const created = await retryOnForeignKeyRace(() =>
        strapi.documents(COMMENT).create({
          data: {
            article: { documentId: article.documentId, ...(article.locale ? { locale: article.locale } : {}) },
            parent: data.parent || null,
            authorName: data.authorName,
            authorEmail: data.authorEmail,
            body: data.body,
            honeypot: data[HONEYPOT_FIELD] ?? undefined,
            verifiedAuthor,
            notifyReplies: Boolean(data.notifyReplies),
            ipHash: ip,
            userAgent: (ctx.get('user-agent') || '').slice(0, 512),
            // Placeholders: the moderation pipeline decides these on every create.
            moderationStatus: 'pending',
            priority: 'normal',
          } as CommentInput,
        })
      ).catch(async (error: unknown) => {
          // A refused post (comments closed, parent not approved...) does not use up the reader's allowance.
          await floodGate(ctx).refund();
          throw error;
        });

      // Acknowledge only what is committed: a create cut short by a database outage can return before its commit
      // fails. If the row cannot be read back the reader is told to retry (a retry of the same text is idempotent).
      const committed = await strapi.db.query(COMMENT).findOne({ where: { documentId: created.documentId }, select: ['id'] });
      if (!committed) return unavailable(ctx, strapi, `comment ${created.documentId} was not committed`);

      // Without a valid token the answer is the same for every address; the email goes to the address's owner only.
      if (!verifiedAuthor && created.moderationStatus !== 'spam' && commenters.enabled()) void commenters.requestConfirmation(authorEmail, (created as CreatedComment).language ?? article.locale);

      answerCreated(ctx, created as CreatedComment, article.locale);
    },

    /** GET /api/comments: approved comments of published articles only, and never a private field. */
    async find(ctx: Context) {
      ctx.query = {
        ...ctx.query,
        filters: { $and: [ctx.query.filters ?? {}, APPROVED_ON_PUBLISHED_ARTICLE] },
        fields: PUBLIC_FIELDS.filter((field) => field !== 'documentId'),
        populate: ARTICLE_REF,
      };
      const answer = (await super.find(ctx)) as { data: PublicComment[] };
      await withPublishedArticles(answer.data);
      return answer;
    },

    /** GET /api/comments/:id: one approved comment of a published article, or 404. */
    async findOne(ctx: Context) {
      const comment = await strapi.documents(COMMENT).findFirst({
        filters: { documentId: ctx.params.id, ...APPROVED_ON_PUBLISHED_ARTICLE },
        fields: PUBLIC_FIELDS.filter((field) => field !== 'documentId') as ['authorName'],
        populate: ARTICLE_REF,
      });
      if (!comment) return ctx.notFound('No such approved comment.');
      const [shown] = await withPublishedArticles([(await sanitizedPublic(ctx, comment)) as PublicComment]);
      return this.transformResponse!(shown);
    },

    /** GET /api/articles/:id/comments: the approved thread of a published article, oldest first. */
    async forArticle(ctx: Context) {
      const { page, pageSize, locale } = parseInput(threadQuerySchema, ctx.query);
      const article = await resolveVersion(strapi, 'api::article.article', ctx.params.id, { locale: checkedLocale(strapi, locale) });
      if (!article) return ctx.notFound(`No published article "${ctx.params.id}"${locale ? ` in locale ${locale}` : ''}.`);
      const { data, pagination } = await getService(strapi, COMMENT).approvedThread(article, page, pageSize);
      ctx.body = { data, meta: { pagination } };
    },

    /** GET /api/comments/moderation-queue: for moderators, urgent first then oldest first, private fields included. */
    async moderationQueue(ctx: Context) {
      const { status, page, pageSize } = parseInput(queueQuerySchema, ctx.query);
      const reported = status === 'reported';
      const where = reported ? { reportedAt: { $notNull: true } } : { moderationStatus: status };
      const [rows, total]: [Array<Record<string, unknown> & { documentId: string }>, number] = await Promise.all([
        strapi.db.query(COMMENT).findMany({
          where,
          select: [...MODERATOR_FIELDS, 'reportedAt'],
          populate: { article: { select: ['documentId', 'title', 'slug'] }, parent: { select: ['documentId'] } },
          orderBy: [{ priority: 'desc' }, reported ? { reportedAt: 'asc' } : { createdAt: 'asc' }, { id: 'asc' }],
          offset: (page - 1) * pageSize,
          limit: pageSize,
        }),
        strapi.db.query(COMMENT).count({ where }),
      ]);
      // Readers' open reports of each comment: reasons, counts and texts, never who sent them.
      const reports = await getService(strapi, 'api::comment-report.comment-report').openReports(rows.map((row) => row.documentId));
      const data = rows.map((row) => ({ ...row, reports: reports[row.documentId] ?? null }));
      ctx.body = { data, meta: { pagination: { page, pageSize, pageCount: Math.ceil(total / pageSize), total } } };
    },

    /** POST /api/comments/:id/moderate { status, note? }: approve, reject or mark as spam. */
    async moderate(ctx: Context) {
      const input = parseInput(moderateSchema, ctx.request.body ?? {});
      const existing = await strapi.documents(COMMENT).findOne({ documentId: ctx.params.id, fields: ['moderationStatus'] });
      if (!existing) return ctx.notFound('No such comment.');
      await strapi.documents(COMMENT).update({
        documentId: ctx.params.id,
        data: { moderationStatus: input.status, ...(input.note !== undefined ? { moderationNote: input.note ?? '' } : {}) },
      });
      const updated = await strapi.db.query(COMMENT).findOne({ where: { documentId: ctx.params.id }, select: MODERATOR_FIELDS });
      ctx.body = { data: updated };
    },
  };
});
