/** Readers' own data and reply notifications (public; every action needs a signed token). */
export default {
  type: 'content-api',
  routes: [
    { method: 'GET', path: '/commenters/unsubscribe', handler: 'api::commenter.reader-data.unsubscribe' },
    { method: 'POST', path: '/commenters/unsubscribe', handler: 'api::commenter.reader-data.unsubscribe' },
    { method: 'POST', path: '/commenters/export', handler: 'api::commenter.reader-data.requestExport' },
    { method: 'GET', path: '/commenters/export/download', handler: 'api::commenter.reader-data.export' },
    { method: 'POST', path: '/commenters/export/download', handler: 'api::commenter.reader-data.export' },
    { method: 'POST', path: '/commenters/erase', handler: 'api::commenter.reader-data.requestErasure' },
    { method: 'GET', path: '/commenters/erase/confirm', handler: 'api::commenter.reader-data.confirmErasure' },
    { method: 'POST', path: '/commenters/erase/confirm', handler: 'api::commenter.reader-data.confirmErasure' },
  ],
};
