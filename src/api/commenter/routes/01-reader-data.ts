import { floodControl } from '../../../middlewares/flood-control';

/** Readers' own data and reply notifications (public; every action needs a signed token). */
export default {
  type: 'content-api',
  routes: [
    { method: 'GET', path: '/commenters/unsubscribe', handler: 'api::commenter.reader-data.unsubscribe' },
    { method: 'POST', path: '/commenters/unsubscribe', handler: 'api::commenter.reader-data.unsubscribe' },
    { method: 'POST', path: '/commenters/export', handler: 'api::commenter.reader-data.requestExport', config: { middlewares: [floodControl('data-request')] } },
    { method: 'GET', path: '/commenters/export/download', handler: 'api::commenter.reader-data.export' },
    { method: 'POST', path: '/commenters/export/download', handler: 'api::commenter.reader-data.export' },
    { method: 'POST', path: '/commenters/erase', handler: 'api::commenter.reader-data.requestErasure', config: { middlewares: [floodControl('data-request')] } },
    { method: 'GET', path: '/commenters/erase/confirm', handler: 'api::commenter.reader-data.confirmErasure' },
    { method: 'POST', path: '/commenters/erase/confirm', handler: 'api::commenter.reader-data.confirmErasure' },
  ],
};
