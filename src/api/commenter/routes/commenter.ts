/** Public routes of the email confirmation flow (no core routes: commenters are never listed). */
export default {
  type: 'content-api',
  routes: [
    { method: 'GET', path: '/commenters/confirm', handler: 'api::commenter.commenter.confirm' },
    { method: 'POST', path: '/commenters/confirm', handler: 'api::commenter.commenter.confirm' },
    { method: 'POST', path: '/commenters/revoke', handler: 'api::commenter.commenter.revoke' },
  ],
};
