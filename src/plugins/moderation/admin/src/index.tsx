import type { ContentManagerPlugin } from '@strapi/content-manager/strapi-admin';
import type { StrapiApp } from '@strapi/strapi/admin';
import { PERMISSIONS } from './api';
import { MenuIcon } from './components/MenuIcon';
import { bulkActions, documentActions } from './contentManagerActions';

/** The moderation inbox plugin (admin side): a menu link with a live badge, and decisions in the Content Manager. */
export default {
  register(app: StrapiApp) {
    app.registerPlugin({ id: 'moderation', name: 'Moderation' });
    app.addMenuLink({
      to: 'plugins/moderation',
      icon: MenuIcon,
      intlLabel: { id: 'moderation.menu', defaultMessage: 'Moderation' },
      permissions: PERMISSIONS.read,
      position: 2,
      Component: () => import('./pages/Inbox'),
    });
  },
  bootstrap(app: StrapiApp) {
    const apis = app.getPlugin('content-manager').apis as ContentManagerPlugin['config']['apis'];
    apis.addBulkAction(bulkActions);
    apis.addDocumentAction(documentActions);
  },
};
