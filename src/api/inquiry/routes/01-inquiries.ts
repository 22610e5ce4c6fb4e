import { floodControl } from '#app/middlewares/flood-control';

/**
 * "Ask about this group": the one public route of inquiries (no core routes: inquiries are never listed or read
 * publicly). Named to sort first, like group-program's 01-upcoming.ts, so no `:id` route can take its path.
 */
export default {
  type: 'content-api',
  routes: [{ method: 'POST', path: '/group-programs/:slug/inquiries', handler: 'api::inquiry.inquiry.ask', config: { middlewares: [floodControl('inquiry')] } }],
};
