import type { Core } from '@strapi/strapi';

/**
 * What a website (the users-permissions Public role) may do. This list is the single source of truth: other
 * content-API permissions granted to Public by hand are removed at start-up, so the role stays least-privilege.
 */
export const PUBLIC_ACTIONS = [
  'api::article.article.find',
  'api::article.article.findOne',
  'api::group-program.group-program.find',
  'api::group-program.group-program.findOne',
  'api::group-program.group-program.upcoming',
  'api::group-program.group-program.upcomingCalendar',
  'api::group-program.group-program.calendar',
  // "Ask about this group": the only public route of inquiries (they are never read through the content API).
  'api::inquiry.inquiry.ask',
  'api::topic.topic.find',
  'api::topic.topic.findOne',
  'api::comment.comment.create',
  'api::comment.comment.find',
  'api::comment.comment.findOne',
  'api::comment.comment.forArticle',
  'api::commenter.commenter.confirm',
  'api::commenter.commenter.revoke',
  'api::comment-report.comment-report.report',
  'api::data-request.reader-data.unsubscribe',
  'api::data-request.reader-data.requestExport',
  'api::data-request.reader-data.export',
  'api::data-request.reader-data.requestErasure',
  'api::data-request.reader-data.confirmErasure',
  'api::sitemap.sitemap.index',
  'api::openapi.openapi.index',
  // API moderators sign in (and reset a forgotten password) as Public; sign-up and providers stay closed.
  'plugin::users-permissions.auth.callback',
  'plugin::users-permissions.auth.forgotPassword',
  'plugin::users-permissions.auth.resetPassword',
  'plugin::users-permissions.auth.refresh',
] as const;

const PERMISSION_UID = 'plugin::users-permissions.permission';
const ROLE_UID = 'plugin::users-permissions.role';

/** Idempotently grants `actions` to the role of `type`, and (when `exclusive`) revokes its other content-API actions (`api::` and `plugin::`). */
export const syncRolePermissions = async (
  strapi: Core.Strapi,
  roleType: string,
  actions: readonly string[],
  { exclusive }: { exclusive: boolean }
) => {
  const role = await strapi.db.query(ROLE_UID).findOne({ where: { type: roleType } });
  if (!role) throw new Error(`users-permissions role "${roleType}" does not exist`);

  const granted: Array<{ id: number; action: string }> = await strapi.db
    .query(PERMISSION_UID)
    .findMany({ where: { role: role.id }, select: ['id', 'action'] });
  const grantedActions = new Set(granted.map((permission) => permission.action));

  const missing = actions.filter((action) => !grantedActions.has(action));
  for (const action of missing) {
    await strapi.db.query(PERMISSION_UID).create({ data: { action, role: role.id } });
  }

  const extra = exclusive
    ? granted.filter((permission) => /^(api|plugin)::/.test(permission.action) && !actions.includes(permission.action))
    : [];
  if (extra.length > 0) {
    await strapi.db.query(PERMISSION_UID).deleteMany({ where: { id: { $in: extra.map((permission) => permission.id) } } });
    strapi.log.warn(`Revoked ${roleType} permissions not in code: ${extra.map((permission) => permission.action).join(', ')}`);
  }
  return role as { id: number; type: string; name: string };
};

/** Readers have no accounts: moderators and staff are invited, so public sign-up stays closed. */
const closePublicRegistration = async (strapi: Core.Strapi) => {
  const store = strapi.store({ type: 'plugin', name: 'users-permissions', key: 'advanced' });
  const advanced = ((await store.get()) ?? {}) as Record<string, unknown>;
  if (advanced.allow_register !== false) await store.set({ value: { ...advanced, allow_register: false } });
};

export const ensurePublicPermissions = async (strapi: Core.Strapi) => {
  await syncRolePermissions(strapi, 'public', PUBLIC_ACTIONS, { exclusive: true });
  await closePublicRegistration(strapi);
};
