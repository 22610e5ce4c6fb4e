import type { Core } from '@strapi/strapi';

const EDITED = ['api::article.article', 'api::group-program.group-program', 'api::topic.topic'] as const;
const ACTIONS = ['create', 'read', 'update', 'delete', 'publish'].map((action) => `plugin::content-manager.explorer.${action}`);
export const EDITOR_PLUGIN_ACTIONS = ['plugin::schedule-panel.preview', 'plugin::schedule-panel.next-term'];

/**
 * The built-in admin role Editor (code `strapi-editor`) writes articles, programs and topics: every action on
 * every field, publish included where the type has drafts. Missing permissions are added; others (media library,
 * anything an administrator granted by hand) are left as they are.
 */
export const ensureEditorRole = async (strapi: Core.Strapi) => {
  const roles = strapi.service('admin::role');
  let role = await strapi.db.query('admin::role').findOne({ where: { code: 'strapi-editor' } });
  if (!role) {
    role = await roles.create({ name: 'Editor', code: 'strapi-editor', description: 'Writes articles and maintains group programs and topics.' });
  }
  const existing: Array<{ action: string; subject: string | null }> = await strapi.db
    .query('admin::permission')
    .findMany({ where: { role: role.id }, select: ['action', 'subject'] });
  const has = new Set(existing.map((permission) => `${permission.action}|${permission.subject}`));

  const missing = EDITED.flatMap((uid) => {
    const contentType = strapi.contentType(uid);
    const fields = Object.keys(contentType.attributes).filter((field) => !['createdAt', 'updatedAt', 'publishedAt', 'createdBy', 'updatedBy', 'locale', 'localizations'].includes(field));
    return ACTIONS.filter((action) => !action.endsWith('.publish') || contentType.options?.draftAndPublish)
      .filter((action) => !has.has(`${action}|${uid}`))
      .map((action) => ({
        action,
        subject: uid,
        properties: action.endsWith('.delete') || action.endsWith('.publish') ? {} : { fields },
        conditions: [],
      }));
  });
  // The Sessions panel and "Schedule next term" on group programs (src/plugins/schedule-panel).
  const panel = EDITOR_PLUGIN_ACTIONS.filter((action) => !has.has(`${action}|null`)).map((action) => ({ action, subject: null, properties: {}, conditions: [] }));
  if (missing.length + panel.length > 0) await roles.addPermissions(role.id, [...missing, ...panel]);
};
