import { floodControl } from '#app/middlewares/flood-control';

/** Readers report a public comment (no core routes: reports are never listed publicly). */
export default {
  type: 'content-api',
  routes: [{ method: 'POST', path: '/comments/:id/report', handler: 'api::comment-report.comment-report.report', config: { middlewares: [floodControl('report')] } }],
};
