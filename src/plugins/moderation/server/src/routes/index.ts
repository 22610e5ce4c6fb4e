import { ACTIONS } from '../permissions';

/** Admin routes (under /moderation): an authenticated admin user holding the named plugin permission. */
const guarded = (action: string) => ({
  policies: ['admin::isAuthenticatedAdmin', { name: 'admin::hasPermissions', config: { actions: [action] } }],
});

export default {
  admin: {
    type: 'admin',
    routes: [
      { method: 'GET', path: '/queue', handler: 'inbox.queue', config: guarded(ACTIONS.read) },
      { method: 'GET', path: '/counts', handler: 'inbox.counts', config: guarded(ACTIONS.read) },
      { method: 'GET', path: '/support', handler: 'inbox.support', config: guarded(ACTIONS.read) },
      { method: 'POST', path: '/decisions', handler: 'inbox.decide', config: guarded(ACTIONS.moderate) },
      { method: 'POST', path: '/decisions/undo', handler: 'inbox.undo', config: guarded(ACTIONS.moderate) },
      { method: 'POST', path: '/reviews', handler: 'inbox.review', config: guarded(ACTIONS.moderate) },
      { method: 'POST', path: '/urgency', handler: 'inbox.urgency', config: guarded(ACTIONS.moderate) },
      { method: 'POST', path: '/comments/:documentId/reply', handler: 'inbox.reply', config: guarded(ACTIONS.reply) },
      { method: 'POST', path: '/comments/:documentId/resources', handler: 'inbox.sendResources', config: guarded(ACTIONS.reply) },
    ],
  },
};
