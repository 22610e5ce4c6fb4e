import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { createPublicReadController } from '../../../utils/public-controller';

export const PROGRAM_DEFAULT_POPULATE = {
  topics: { fields: ['name', 'slug'] },
  facilitator: true,
  schedule: { populate: { skippedDates: true } },
};

const feed = (strapi: Core.Strapi) => strapi.service('api::group-program.feed');

/** Answers from the feed cache with ETag and Cache-Control; a matching If-None-Match gets a 304. */
const respond = (ctx: Context, strapi: Core.Strapi, answer: { body: string; etag: string }, contentType: string) => {
  ctx.set('ETag', answer.etag);
  ctx.set('Cache-Control', feed(strapi).cacheControl());
  ctx.set('Vary', 'Accept-Encoding');
  ctx.status = 200; // koa compares If-None-Match only for a 2xx answer
  if (ctx.fresh) {
    ctx.status = 304;
    return;
  }
  ctx.type = contentType;
  ctx.body = answer.body;
};

export default createPublicReadController('api::group-program.group-program', {
  defaultPopulate: PROGRAM_DEFAULT_POPULATE,
  extend: (strapi) => ({
    /** GET /api/group-programs/upcoming */
    async upcoming(ctx: Context) {
      const query = feed(strapi).parseQuery(ctx.query);
      respond(ctx, strapi, await feed(strapi).upcoming(query), 'application/json; charset=utf-8');
    },

    /** GET /api/group-programs/upcoming.ics */
    async upcomingCalendar(ctx: Context) {
      const query = feed(strapi).parseQuery(ctx.query, false);
      respond(ctx, strapi, (await feed(strapi).calendar(query))!, 'text/calendar; charset=utf-8');
      if (ctx.status !== 304) ctx.set('Content-Disposition', 'inline; filename="upcoming-programs.ics"');
    },

    /** GET /api/group-programs/:slug/calendar.ics */
    async calendar(ctx: Context) {
      const query = feed(strapi).parseQuery({}, false);
      const answer = await feed(strapi).calendar(query, ctx.params.slug);
      if (!answer) return ctx.notFound(`No published program "${ctx.params.slug}".`);
      respond(ctx, strapi, answer, 'text/calendar; charset=utf-8');
    },
  }),
});
