import { floodControl } from '#app/middlewares/flood-control';

/** Readers' own data and reply notifications (public; every action needs a signed token). */
export default {
  type: 'content-api',
  routes: [
    { method: 'GET', path: '/commenters/unsubscribe', handler: 'api::data-request.reader-data.unsubscribe' },
    { method: 'POST', path: '/commenters/unsubscribe', handler: 'api::data-request.reader-data.unsubscribe' },
    { method: 'POST', path: '/commenters/export', handler: 'api::data-request.reader-data.requestExport', config: { middlewares: [floodControl('data-request')] } },
    { method: 'GET', path: '/commenters/export/download', handler: 'api::data-request.reader-data.export' },
    { method: 'POST', path: '/commenters/export/download', handler: 'api::data-request.reader-data.export' },
    { method: 'POST', path: '/commenters/erase', handler: 'api::data-request.reader-data.requestErasure', config: { middlewares: [floodControl('data-request')] } },
    { method: 'GET', path: '/commenters/erase/confirm', handler: 'api::data-request.reader-data.confirmErasure' },
    { method: 'POST', path: '/commenters/erase/confirm', handler: 'api::data-request.reader-data.confirmErasure' },
  ],
};
