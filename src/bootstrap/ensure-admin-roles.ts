import type { Core, UID } from '@strapi/strapi';
import { ADMIN_ROLES, SUPER_ADMIN_CODE, type AdminRoleGrants, type FieldList } from './admin-roles';
import { hasDraftAndPublish } from '../utils/content-types';
import { getService } from '../utils/services';
import { isLocalised, localeCodes } from '../utils/locales';

const EXPLORER = 'plugin::content-manager.explorer';
const FIELD_ACTIONS = ['read', 'create', 'update'] as const;

/** One admin permission row as Strapi stores it. */
export interface AdminPermission {
  action: string;
  subject: string | null;
  properties: { fields?: string[]; locales?: string[] };
  conditions: string[];
}

/** Every field of a content type as Strapi's role editor lists them (a component's as `seo.metaTitle`). */
const fieldsOf = (strapi: Core.Strapi, uid: UID.ContentType, list: FieldList): string[] => {
  if (list !== 'all' && !('except' in list)) return [...list];
  const all = getService(strapi, 'admin::content-type').getNestedFields(strapi.contentType(uid), {
    components: strapi.components,
  });
  if (list === 'all') return all;
  return all.filter((field) => !list.except.some((left) => field === left || field.startsWith(`${left}.`)));
};

/**
 * The permission rows a role of the table holds. Actions and content types this server does not have (a plugin
 * turned off) are left out, so the table can name them.
 */
export const resolveAdminPermissions = (strapi: Core.Strapi, grants: AdminRoleGrants): AdminPermission[] => {
  const provider = getService(strapi, 'admin::permission').actionProvider;
  const known = new Set(provider.values().map((action) => action.actionId));
  const permissions: AdminPermission[] = [];
  for (const [uid, grant] of Object.entries(grants.contentTypes) as Array<[UID.ContentType, NonNullable<AdminRoleGrants['contentTypes'][UID.ContentType]>]>) {
    const contentType = strapi.contentTypes[uid];
    if (!contentType || !grant) continue;
    const conditions = [...(grant.conditions ?? [])];
    // A localised type's permission names the locales it holds for: every locale the server has (at start).
    const locales = isLocalised(strapi, uid) ? { locales: [...localeCodes(strapi)].sort() } : {};
    for (const action of FIELD_ACTIONS) {
      const list = grant[action];
      if (list) permissions.push({ action: `${EXPLORER}.${action}`, subject: uid, properties: { fields: fieldsOf(strapi, uid, list), ...locales }, conditions });
    }
    if (grant.delete) permissions.push({ action: `${EXPLORER}.delete`, subject: uid, properties: { ...locales }, conditions });
    if (grant.publish && hasDraftAndPublish(strapi, uid)) permissions.push({ action: `${EXPLORER}.publish`, subject: uid, properties: { ...locales }, conditions });
  }
  for (const entry of grants.actions) {
    const { action, conditions } = typeof entry === 'string' ? { action: entry, conditions: [] } : entry;
    if (known.has(action)) permissions.push({ action, subject: null, properties: {}, conditions: [...conditions] });
  }
  return permissions;
};

const target = (permission: Pick<AdminPermission, 'action' | 'subject'>) => `${permission.action}|${permission.subject ?? ''}`;
const sameGrant = (a: AdminPermission, b: AdminPermission) =>
  [...(a.properties?.fields ?? [])].sort().join(',') === [...(b.properties?.fields ?? [])].sort().join(',') &&
  [...(a.properties?.locales ?? [])].sort().join(',') === [...(b.properties?.locales ?? [])].sort().join(',') &&
  [...(a.conditions ?? [])].sort().join(',') === [...(b.conditions ?? [])].sort().join(',');
/** Content Manager actions by content type (`api::comment.comment: read, update`), then the other actions. */
const describe = (permissions: Array<Pick<AdminPermission, 'action' | 'subject'> & { note?: string }>) => {
  const bySubject = new Map<string, string[]>();
  for (const { action, subject, note = '' } of permissions) {
    const key = subject ?? '';
    bySubject.set(key, [...(bySubject.get(key) ?? []), `${subject ? action.replace(`${EXPLORER}.`, '') : action}${note}`]);
  }
  return [...bySubject].map(([subject, actions]) => (subject ? `${subject}: ${actions.join(', ')}` : actions.join(', '))).join('; ');
};

/** What applying `desired` over `existing` removes, narrows or adds, in words for the log ('' when nothing). */
export const diffAdminPermissions = (existing: AdminPermission[], desired: AdminPermission[]) => {
  const wanted = new Map(desired.map((permission) => [target(permission), permission]));
  const held = new Map(existing.map((permission) => [target(permission), permission]));
  const removed = [...new Map(existing.filter((permission) => !wanted.has(target(permission))).map((permission) => [target(permission), permission])).values()];
  const changed = existing
    .filter((permission) => wanted.has(target(permission)) && !sameGrant(permission, wanted.get(target(permission))!))
    .map((permission) => {
      const fields = new Set(wanted.get(target(permission))!.properties.fields ?? []);
      const dropped = (permission.properties?.fields ?? []).filter((field) => !fields.has(field));
      const sameLocales = [...(permission.properties?.locales ?? [])].sort().join(',') === [...(wanted.get(target(permission))!.properties.locales ?? [])].sort().join(',');
      return { ...permission, note: dropped.length > 0 ? ` (no longer ${dropped.join(', ')})` : sameLocales ? ' (conditions)' : ' (locales)' };
    });
  const added = desired.filter((permission) => !held.has(target(permission)));
  return { removed: describe(removed), changed: describe(changed), added: describe(added) };
};

const ensureAdminRole = async (strapi: Core.Strapi, code: string, grants: AdminRoleGrants) => {
  const roles = getService(strapi, 'admin::role');
  let role = await strapi.db.query('admin::role').findOne({ where: { code } });
  if (!role) role = await roles.create({ name: grants.name, code, description: grants.description });
  else if (role.name !== grants.name || role.description !== grants.description) {
    await strapi.db.query('admin::role').update({ where: { id: role.id }, data: { name: grants.name, description: grants.description } });
  }
  const existing: AdminPermission[] = await strapi.db
    .query('admin::permission')
    .findMany({ where: { role: role.id }, select: ['action', 'subject', 'properties', 'conditions'] });
  const desired = resolveAdminPermissions(strapi, grants);
  const { removed, changed, added } = diffAdminPermissions(existing, desired);
  const duplicates = existing.length !== new Set(existing.map(target)).size;
  if (!removed && !changed && !added && !duplicates) return;
  // Strapi's own replace: deletes what is not in `desired`, adds what is missing, refreshes API tokens of the role.
  await roles.assignPermissions(role.id, desired);
  if (removed) strapi.log.warn(`Admin role ${grants.name}: removed permissions not in src/bootstrap/admin-roles.ts: ${removed}`);
  if (changed) strapi.log.warn(`Admin role ${grants.name}: narrowed to src/bootstrap/admin-roles.ts: ${changed}`);
  if (added) strapi.log.info(`Admin role ${grants.name}: granted ${added}`);
};

/**
 * Admin roles as code: each role of ADMIN_ROLES holds exactly what the table names. Roles the table does not name
 * (made by hand) are left as they are and said so.
 */
export const ensureAdminRoles = async (strapi: Core.Strapi) => {
  for (const [code, grants] of Object.entries(ADMIN_ROLES)) await ensureAdminRole(strapi, code, grants);
  const others: Array<{ name: string }> = await strapi.db
    .query('admin::role')
    .findMany({ where: { code: { $notIn: [SUPER_ADMIN_CODE, ...Object.keys(ADMIN_ROLES)] } }, select: ['name'] });
  if (others.length > 0) {
    strapi.log.info(`Admin roles not in src/bootstrap/admin-roles.ts, left as they are: ${others.map((role) => role.name).join(', ')}`);
  }
};
