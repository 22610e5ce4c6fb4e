import { ACTIONS } from '../permissions';

const guarded = (action: string) => ({
  policies: ['admin::isAuthenticatedAdmin', { name: 'admin::hasPermissions', config: { actions: [action] } }],
});

/** Admin routes (under /schedule-panel): an authenticated admin user holding the plugin permission. */
export default {
  admin: {
    type: 'admin',
    routes: [
      { method: 'POST', path: '/preview', handler: 'panel.preview', config: guarded(ACTIONS.preview) },
      { method: 'POST', path: '/next-term', handler: 'panel.nextTerm', config: guarded(ACTIONS.nextTerm) },
    ],
  },
};
