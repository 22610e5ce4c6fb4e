import type { Core } from '@strapi/strapi';
import { PUBLIC_ACTIONS, syncRolePermissions } from './public-permissions';

const ROLE_UID = 'plugin::users-permissions.role';

/** API moderators: everything Public may do, plus the moderation queue and decisions. */
export const MODERATOR_API_ACTIONS = [...PUBLIC_ACTIONS, 'api::comment.comment.moderationQueue', 'api::comment.comment.moderate'];

const COMMENT = 'api::comment.comment';
const COMMENT_FIELDS = [
  'article', 'parent', 'authorName', 'authorEmail', 'body', 'moderationStatus', 'priority', 'flags', 'flagSummary',
  'moderationNote', 'moderatedAt', 'moderatedBy', 'escalatedAt', 'ipHash', 'userAgent', 'contentHash', 'spamScore',
  'spamWords', 'trainedAs', 'byPractice',
];

const BLOCK = 'api::commenter-block.commenter-block';
const BLOCK_FIELDS = ['email', 'ipHash', 'until', 'reason', 'rejectPending'];
const REPORT = 'api::comment-report.comment-report';

/**
 * Admin-panel moderators read comments and change only their status and note, read readers' reports (never who
 * sent them), manage blocks, and use the moderation inbox (read the queue, decide, reply as the practice): no
 * articles, programs or settings.
 */
export const MODERATOR_ADMIN_PERMISSIONS = [
  { action: 'plugin::moderation.read' },
  { action: 'plugin::moderation.moderate' },
  { action: 'plugin::moderation.reply' },
  { action: 'plugin::content-manager.explorer.read', subject: COMMENT, properties: { fields: [...COMMENT_FIELDS, 'reportedAt', 'reports'] } },
  {
    action: 'plugin::content-manager.explorer.update',
    subject: COMMENT,
    properties: { fields: ['moderationStatus', 'moderationNote'] },
  },
  { action: 'plugin::content-manager.explorer.read', subject: REPORT, properties: { fields: ['comment', 'reason', 'text', 'resolvedAt'] } },
  { action: 'plugin::content-manager.explorer.read', subject: BLOCK, properties: { fields: [...BLOCK_FIELDS, 'pendingRejected'] } },
  { action: 'plugin::content-manager.explorer.create', subject: BLOCK, properties: { fields: BLOCK_FIELDS } },
  { action: 'plugin::content-manager.explorer.update', subject: BLOCK, properties: { fields: BLOCK_FIELDS } },
  { action: 'plugin::content-manager.explorer.delete', subject: BLOCK, properties: {} },
];

/** The users-permissions role `moderator`, for moderating over the API. */
const ensureApiModeratorRole = async (strapi: Core.Strapi) => {
  const existing = await strapi.db.query(ROLE_UID).findOne({ where: { type: 'moderator' } });
  if (!existing) {
    await strapi.db.query(ROLE_UID).create({
      data: { name: 'Moderator', type: 'moderator', description: 'Reviews reader comments over the API.' },
    });
  }
  await syncRolePermissions(strapi, 'moderator', MODERATOR_API_ACTIONS, { exclusive: true });
};

/** The admin role `Moderator` (code `strapi-moderator`), with exactly the permissions above. */
const ensureAdminModeratorRole = async (strapi: Core.Strapi) => {
  const roles = strapi.service('admin::role');
  let role = await strapi.db.query('admin::role').findOne({ where: { code: 'strapi-moderator' } });
  if (!role) {
    role = await roles.create({
      name: 'Moderator',
      code: 'strapi-moderator',
      description: 'Reviews reader comments: reads comments and reports, changes only their status and moderation note, blocks abusers.',
    });
  }
  await roles.assignPermissions(role.id, MODERATOR_ADMIN_PERMISSIONS);
};

export const ensureModeratorRoles = async (strapi: Core.Strapi) => {
  await ensureApiModeratorRole(strapi);
  await ensureAdminModeratorRole(strapi);
};
