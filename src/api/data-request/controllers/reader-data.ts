import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { ipHash } from '#app/utils/reader-identity';
import { fieldError } from '#app/utils/validation';
import { verify, type DataClaims } from '#app/tokens/reader-tokens';
import { maskEmail, type DataRequestKind } from '../services/data-request';
import { floodGate } from '#app/middlewares/flood-control';
import { getService } from '#app/utils/services';
import { getConfig } from '#app/utils/config';

/** A token from the link (GET ?token=) or from the website's own page (POST { token }). */
const tokenOf = (ctx: Context, field = 'token') => {
  if (ctx.method === 'GET') return ctx.query[field];
  const body = ctx.request.body as Record<string, unknown> | undefined;
  return body && typeof body === 'object' ? body[field] : undefined;
};

/** Readers' own data (export, erasure) and one-click unsubscribe; every answer is no-store. */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const secret = () => getConfig(strapi, 'moderation').verification.secret;
  const log = () => getService(strapi, 'api::data-request.data-request');

  /** An export or erasure link stops working when its address signs out everywhere after it was sent. */
  const assertNotRevoked = async ({ email, version }: DataClaims, what: string) => {
    if ((version ?? 0) !== (await getService(strapi, 'api::commenter.commenter').tokenVersion(email))) {
      throw fieldError('token', `This ${what} was revoked when you signed out everywhere.`);
    }
  };

  /** A verified reader asks for a link by email; at most `READER_DATA_REQUESTS_PER_HOUR` per address and per IP. */
  const requestLink = async (ctx: Context, kind: DataRequestKind) => {
    const email: string = await getService(strapi, 'api::commenter.commenter').verifiedEmail(tokenOf(ctx, 'commenterToken'));
    await floodGate(ctx).admit([`email:${email}`, `ip:${ipHash(strapi, ctx.request.ip)}`]);
    const request = await log().open(email, kind, 'reader');
    ctx.set('Cache-Control', 'no-store');
    try {
      await log().sendLink(kind, email, request);
    } catch (error) {
      // Nothing half-stored: without the email the request never happened (and does not count against the reader).
      strapi.log.error(`Could not send a data ${kind} link: ${(error as Error).message}`);
      await strapi.db.query('api::data-request.data-request').delete({ where: { id: request } });
      await floodGate(ctx).refund();
      ctx.status = 503;
      ctx.set('Retry-After', '300');
      ctx.body = { data: null, error: { status: 503, name: 'ServiceUnavailableError', message: 'The email could not be sent just now. Please try again in a few minutes.' } };
      return;
    }
    ctx.status = 202;
    ctx.body = {
      data: {
        message: kind === 'export' ? 'We emailed you a link to download your comments.' : 'We emailed you a link to confirm the erasure of your comments.',
      },
    };
  };

  return {
    async unsubscribe(ctx: Context) {
      await getService(strapi, 'api::commenter.reply-notifications').unsubscribe(tokenOf(ctx));
      ctx.set('Cache-Control', 'no-store');
      ctx.body = { data: { unsubscribed: true, message: 'You will not be emailed about replies to this comment any more.' } };
    },

    requestExport: (ctx: Context) => requestLink(ctx, 'export'),
    requestErasure: (ctx: Context) => requestLink(ctx, 'erase'),

    /** The export link: their data as a JSON download, once (whoever holds the link afterwards gets a 400). */
    async export(ctx: Context) {
      const claims = verify<DataClaims>(tokenOf(ctx), 'export', secret(), 'token', 'export link');
      await assertNotRevoked(claims, 'export link');
      const { email, request } = claims;
      if (!(await log().claim(request))) throw fieldError('token', 'This export link was already used: ask for a new one.');
      const data = await getService(strapi, 'api::data-request.reader-data')
        .collect(email)
        .catch(async (error: unknown) => {
          await log().reopen(request);
          throw error;
        });
      await log().complete(request, { comments: data.comments.length, reports: data.reports.length, inquiries: data.inquiries.length });
      ctx.set('Cache-Control', 'no-store');
      ctx.set('Content-Disposition', 'attachment; filename="my-comments.json"');
      ctx.body = { data };
    },

    /** The erasure link: works once, and erases what was written up to the moment it was asked for. */
    async confirmErasure(ctx: Context) {
      const claims = verify<DataClaims>(tokenOf(ctx), 'erase', secret(), 'token', 'erasure link');
      const { email, request, iat } = claims;
      if (!(await log().isOpen(request))) throw fieldError('token', 'This erasure link was already used.');
      await assertNotRevoked(claims, 'erasure link');
      const mode = getConfig(strapi, 'readers').erasureMode;
      const counts = await getService(strapi, 'api::data-request.reader-data').erase(email, mode, new Date(iat * 1000 + 999));
      await log().complete(request, { ...counts }, { email: maskEmail(email), mode });
      ctx.set('Cache-Control', 'no-store');
      ctx.body = { data: { erased: true, comments: counts.comments, mode, message: 'Your comments are erased.' } };
    },
  };
};
