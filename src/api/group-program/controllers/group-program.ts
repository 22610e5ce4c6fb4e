import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { CALENDAR_TYPE, JSON_TYPE, respondWith } from '#app/utils/http-cache';
import type { ReadPopulate } from '#app/utils/public-query/projection';
import { createPublicReadController } from '#app/utils/public-controller';
import { getService } from '#app/utils/services';

const PROGRAM_DEFAULT_POPULATE: ReadPopulate = {
  topics: { fields: ['name', 'slug'] },
  facilitator: true,
  image: { fields: ['url', 'alternativeText', 'width', 'height'] },
  schedule: { populate: { skippedDates: true, sessionChanges: true } },
};

const feed = (strapi: Core.Strapi) => getService(strapi, 'api::group-program.feed');

export default createPublicReadController('api::group-program.group-program', {
  defaultPopulate: PROGRAM_DEFAULT_POPULATE,
  /**
   * A program's own page embeds its JSON-LD (EventCancelled once it is cancelled) and every session's calendar links;
   * a list carries the .ics and webcal: addresses, and those only on request (`include=jsonLd,calendarLinks`).
   */
  decorate: async (strapi, programs, { list, include, locale }) =>
    feed(strapi).decoratePages(programs, { jsonLd: !list || include.includes('jsonLd'), calendarLinks: !list || include.includes('calendarLinks') }, locale),
  extend: (strapi) => ({
    /** GET /api/group-programs/upcoming */
    async upcoming(ctx: Context) {
      const query = feed(strapi).parseQuery(ctx.query);
      respondWith(ctx, await feed(strapi).upcoming(query), JSON_TYPE, feed(strapi).cacheControl());
    },

    /** GET /api/group-programs/upcoming.ics */
    async upcomingCalendar(ctx: Context) {
      const query = feed(strapi).parseQuery(ctx.query, false);
      respondWith(ctx, (await feed(strapi).calendar(query))!, CALENDAR_TYPE, feed(strapi).cacheControl());
    },

    /** GET /api/group-programs/:slug/calendar.ics */
    async calendar(ctx: Context) {
      const query = feed(strapi).parseQuery(ctx.query.locale === undefined ? {} : { locale: ctx.query.locale }, false);
      const answer = await feed(strapi).calendar(query, ctx.params.slug);
      if (!answer) return ctx.notFound(`No published program "${ctx.params.slug}".`);
      respondWith(ctx, answer, CALENDAR_TYPE, feed(strapi).cacheControl());
    },
  }),
});
