import type { ContentManagerPlugin, PanelComponent } from '@strapi/content-manager/strapi-admin';
import { useRBAC, type StrapiApp } from '@strapi/strapi/admin';
import { PERMISSIONS, PROGRAM } from './api';
import { NextTermAction } from './components/NextTermAction';
import { SessionsPanel } from './components/SessionsPanel';

/** The "Sessions" side panel on the group program edit view. */
const SessionsSidePanel: PanelComponent = ({ model, documentId }) => {
  const { allowedActions } = useRBAC(PERMISSIONS.preview);
  if (model !== PROGRAM || !allowedActions.canPreview) return null;
  return { title: 'Sessions', content: <SessionsPanel documentId={documentId} /> };
};

/** The editors' schedule panel (admin side): registered in the Content Manager's edit view. */
export default {
  register(app: StrapiApp) {
    app.registerPlugin({ id: 'schedule-panel', name: 'Schedule panel' });
  },
  bootstrap(app: StrapiApp) {
    const apis = app.getPlugin('content-manager').apis as ContentManagerPlugin['config']['apis'];
    apis.addEditViewSidePanel([SessionsSidePanel]);
    apis.addDocumentAction([NextTermAction]);
  },
};
