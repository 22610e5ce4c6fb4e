import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { getService } from '#app/utils/services';

/** The confirmation link (GET from an email, or POST from the website's confirmation page) and token revocation. */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const commenters = () => getService(strapi, 'api::commenter.commenter');
  const bodyField = (ctx: Context, field: string) => {
    const body = ctx.request.body as Record<string, unknown> | undefined;
    return body && typeof body === 'object' ? body[field] : undefined;
  };

  return {
    async confirm(ctx: Context) {
      const token = ctx.method === 'GET' ? ctx.query.token : bodyField(ctx, 'token');
      const { email, commenterToken, expiresAt } = await commenters().confirm(token);
      ctx.set('Cache-Control', 'no-store');
      ctx.body = {
        data: {
          email,
          verified: true,
          commenterToken,
          expiresAt,
          message: 'Thank you, your email address is confirmed. Send commenterToken with your next comments.',
        },
      };
    },

    async revoke(ctx: Context) {
      await commenters().revoke(bodyField(ctx, 'commenterToken'));
      ctx.status = 204;
    },
  };
};
