import type { Core } from '@strapi/strapi';
import { configureAdminViews } from './bootstrap/admin-views';
import { ensureModeratorRoles } from './bootstrap/moderator-roles';
import { ensurePublicPermissions } from './bootstrap/public-permissions';
import { registerDocumentMiddlewares } from './document-middlewares';
import { seedDemoContentIfEmpty } from './seed/demo-content';

export default {
  register({ strapi }: { strapi: Core.Strapi }) {
    registerDocumentMiddlewares(strapi);
  },

  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    await ensurePublicPermissions(strapi);
    await ensureModeratorRoles(strapi);
    await configureAdminViews(strapi);
    await seedDemoContentIfEmpty(strapi);
  },

  async destroy({ strapi }: { strapi: Core.Strapi }) {
    await strapi.service('api::comment.flood-control').close();
  },
};
