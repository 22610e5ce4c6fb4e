/** Readers' own data and reply notifications (public; every action needs a signed token). */
export default {
  type: 'content-api',
  routes: [
    { method: 'GET', path: '/commenters/unsubscribe', handler: 'api::data-request.reader-data.unsubscribe' },
    { method: 'POST', path: '/commenters/unsubscribe', handler: 'api::data-request.reader-data.unsubscribe' },
    { method: 'POST', path: '/commenters/export', handler: 'api::data-request.reader-data.requestExport' },
    { method: 'GET', path: '/commenters/export/download', handler: 'api::data-request.reader-data.export' },
    { method: 'POST', path: '/commenters/export/download', handler: 'api::data-request.reader-data.export' },
    { method: 'POST', path: '/commenters/erase', handler: 'api::data-request.reader-data.requestErasure' },
    { method: 'GET', path: '/commenters/erase/confirm', handler: 'api::data-request.reader-data.confirmErasure' },
    { method: 'POST', path: '/commenters/erase/confirm', handler: 'api::data-request.reader-data.confirmErasure' },
  ],
};
