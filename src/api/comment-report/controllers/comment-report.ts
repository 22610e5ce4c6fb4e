import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { Context } from 'koa';
import { toPlainText } from '#app/utils/plain-text';
import { emailHash, ipHash } from '#app/utils/reader-identity';
import { parseInput } from '#app/utils/validation';
import type { ReportedComment } from '../services/comment-report';
import { reportSchema } from '../validation';
import { detectLanguage } from '#domain/moderation';
import { supportFor } from '#app/utils/support';
import { floodGate } from '#app/middlewares/flood-control';
import { getService } from '#app/utils/services';

const COMMENT = 'api::comment.comment';

/** POST /api/comments/:id/report: a reader reports a public comment. The answer is the same whatever happens next. */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async report(ctx: Context) {
    const input = parseInput(reportSchema, ctx.request.body ?? {});
    // A commenter token makes the reader their address; without one, their IP hash.
    const email = input.commenterToken ? await getService(strapi, 'api::commenter.commenter').verifiedEmail(input.commenterToken) : null;
    const ip = ipHash(strapi, ctx.request.ip);

    // Public comments only, found exactly as GET /api/comments/:id finds them (unknown and hidden: the same 404).
    const comment = (await strapi.documents(COMMENT).findFirst({
      filters: { documentId: ctx.params.id, moderationStatus: 'approved', article: { publishedAt: { $notNull: true } } },
      fields: ['moderationStatus', 'priority', 'flags', 'authorName', 'body', 'byPractice'],
      populate: { article: { fields: ['title'] } },
    })) as ReportedComment | null;
    if (!comment) throw new errors.NotFoundError('No such approved comment.');

    await floodGate(ctx).admit([`ip:${ip}`, ...(email ? [`email:${email}`] : [])]);

    // A blocked reader is answered like anyone, and nothing is stored.
    const blocked = await getService(strapi, 'api::commenter-block.commenter-block').isBlocked({ email, ipHash: ip });
    if (!blocked) {
      const readerKey = email ? `email:${emailHash(strapi, email)}` : `ip:${ip}`;
      const text = input.text ? toPlainText(input.text) : null;
      await getService(strapi, 'api::comment-report.comment-report').record(comment, { reason: input.reason, text, readerKey, connectionKey: `ip:${ip}` });
    }
    ctx.status = 202;
    ctx.body = {
      data: {
        received: true,
        message: 'Thank you for telling us. A moderator will look at this comment.',
        ...(input.reason === 'crisis' ? { support: supportFor(strapi, input.text ? detectLanguage(input.text, ['en', 'es', 'pt', 'fr', 'de']).code : 'en') } : {}),
      },
    };
  },
});
