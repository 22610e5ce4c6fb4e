import type { Core } from '@strapi/strapi';
import { ensurePublicPermissions } from './bootstrap/public-permissions';
import { registerDocumentMiddlewares } from './document-middlewares';
import { seedDemoContentIfEmpty } from './seed/demo-content';

export default {
  register({ strapi }: { strapi: Core.Strapi }) {
    registerDocumentMiddlewares(strapi);
  },

  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    await ensurePublicPermissions(strapi);
    await seedDemoContentIfEmpty(strapi);
  },
};
