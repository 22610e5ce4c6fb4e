import type { Core } from '@strapi/strapi';
import { PUBLIC_ACTIONS, syncRolePermissions } from './public-permissions';

const ROLE_UID = 'plugin::users-permissions.role';

/** A signed-in users-permissions user's own account: who am I, password, sessions. */
const OWN_ACCOUNT = [
  'plugin::users-permissions.user.me',
  'plugin::users-permissions.auth.changePassword',
  'plugin::users-permissions.auth.logout',
  'plugin::users-permissions.auth.getSessions',
  'plugin::users-permissions.auth.revokeSession',
] as const;

/**
 * The users-permissions roles besides Public (src/bootstrap/public-permissions.ts), each exactly as listed: other
 * content-API permissions granted by hand are revoked at start-up. Readers have no accounts, so `authenticated`
 * reads what Public reads and manages its own account; only API moderators see the moderation queue.
 */
export const AUTHENTICATED_ACTIONS = [...PUBLIC_ACTIONS, ...OWN_ACCOUNT];
export const MODERATOR_API_ACTIONS = [...PUBLIC_ACTIONS, 'api::comment.comment.moderationQueue', 'api::comment.comment.moderate'];

export const ensureApiRoles = async (strapi: Core.Strapi) => {
  if (!(await strapi.db.query(ROLE_UID).findOne({ where: { type: 'moderator' } }))) {
    await strapi.db.query(ROLE_UID).create({ data: { name: 'Moderator', type: 'moderator', description: 'Reviews reader comments over the API.' } });
  }
  await syncRolePermissions(strapi, 'moderator', MODERATOR_API_ACTIONS, { exclusive: true });
  await syncRolePermissions(strapi, 'authenticated', AUTHENTICATED_ACTIONS, { exclusive: true });
};
