import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { getService } from '#app/utils/services';

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async index(ctx: Context) {
    ctx.type = 'application/xml; charset=utf-8';
    ctx.set('Cache-Control', 'public, max-age=60');
    ctx.body = await getService(strapi, 'api::sitemap.sitemap').xml();
  },
});
