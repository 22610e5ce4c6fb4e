import type { Core, UID } from '@strapi/strapi';
import type akismet from '../api/comment/services/akismet';
import type comment from '../api/comment/services/comment';
import type crisisModel from '../api/comment/services/crisis-model';
import type floodControl from '../api/comment/services/flood-control';
import type moderation from '../api/comment/services/moderation';
import type spamClassifier from '../api/comment/services/spam-classifier';
import type commentReport from '../api/comment-report/services/comment-report';
import type commentReportNotify from '../api/comment-report/services/notify';
import type commenter from '../api/commenter/services/commenter';
import type readerData from '../api/commenter/services/reader-data';
import type replyNotifications from '../api/commenter/services/reply-notifications';
import type commenterBlock from '../api/commenter-block/services/commenter-block';
import type dataRequest from '../api/data-request/services/data-request';
import type feed from '../api/group-program/services/feed';
import type sitemap from '../api/sitemap/services/sitemap';
import type attention from '../plugins/moderation/server/src/services/attention';
import type decisions from '../plugins/moderation/server/src/services/decisions';
import type practice from '../plugins/moderation/server/src/services/practice';
import type queue from '../plugins/moderation/server/src/services/queue';
import type holidays from '../plugins/schedule-panel/server/src/services/holidays';
import type nextTerm from '../plugins/schedule-panel/server/src/services/next-term';

/*
 * Strapi's own services this app calls: only what it relies on. Their packages publish these types under dist/
 * paths only (not importable here), so they are declared; Strapi's upload and content-type-builder do the same
 * for the services they reach in other packages.
 */

/** plugin::email.email: what @strapi/email's `send` takes (its SendOptions). */
export interface EmailService {
  send(options: { to: string; subject: string; text: string; html?: string; from?: string; replyTo?: string }): Promise<unknown>;
}

/** plugin::content-manager.content-types and .components: a type's admin view (list and edit layouts, labels). */
export interface ContentManagerConfigurationService {
  findConfiguration(schema: unknown): Promise<unknown>;
  updateConfiguration(schema: unknown, configuration: Record<string, unknown>): Promise<unknown>;
}

export interface AdminActionDefinition {
  uid: string;
  displayName: string;
  pluginName?: string;
  section: string;
  category?: string;
  subCategory?: string;
  subjects?: string[];
}

/** admin::permission: the registry of admin actions. */
export interface AdminPermissionService {
  actionProvider: {
    registerMany(actions: readonly AdminActionDefinition[]): Promise<void>;
    values(): Array<{ actionId: string }>;
  };
}

/** admin::content-type: a content type's fields as the role editor lists them. */
export interface AdminContentTypeService {
  getNestedFields(model: unknown, options: { components: unknown }): string[];
}

export interface AdminRole {
  id: number;
  name: string;
  code: string;
  description?: string;
}

/** admin::role */
export interface AdminRoleService {
  create(data: { name: string; code: string; description?: string }): Promise<AdminRole>;
  assignPermissions(roleId: number, permissions: unknown[]): Promise<unknown>;
}

/** admin::api-token */
export interface AdminApiTokenService {
  exists(where: { name: string }): Promise<boolean>;
  create(attributes: {
    name: string;
    description?: string;
    type: 'read-only' | 'full-access' | 'custom';
    permissions?: string[];
    lifespan?: number | null;
  }): Promise<{ accessKey: string }>;
}

/**
 * Every service the app calls by name, with its real type (what its factory returns). A name that is not here, or a
 * method a service does not have, is a compile error.
 */
export interface Services {
  'api::comment.comment': ReturnType<typeof comment>;
  'api::comment.akismet': ReturnType<typeof akismet>;
  'api::comment.crisis-model': ReturnType<typeof crisisModel>;
  'api::comment.flood-control': ReturnType<typeof floodControl>;
  'api::comment.moderation': ReturnType<typeof moderation>;
  'api::comment.spam-classifier': ReturnType<typeof spamClassifier>;
  'api::comment-report.comment-report': ReturnType<typeof commentReport>;
  'api::comment-report.notify': ReturnType<typeof commentReportNotify>;
  'api::commenter.commenter': ReturnType<typeof commenter>;
  'api::commenter.reader-data': ReturnType<typeof readerData>;
  'api::commenter.reply-notifications': ReturnType<typeof replyNotifications>;
  'api::commenter-block.commenter-block': ReturnType<typeof commenterBlock>;
  'api::data-request.data-request': ReturnType<typeof dataRequest>;
  'api::group-program.feed': ReturnType<typeof feed>;
  'api::sitemap.sitemap': ReturnType<typeof sitemap>;
  'plugin::moderation.attention': ReturnType<typeof attention>;
  'plugin::moderation.decisions': ReturnType<typeof decisions>;
  'plugin::moderation.practice': ReturnType<typeof practice>;
  'plugin::moderation.queue': ReturnType<typeof queue>;
  'plugin::schedule-panel.holidays': ReturnType<typeof holidays>;
  'plugin::schedule-panel.next-term': ReturnType<typeof nextTerm>;
  'plugin::email.email': EmailService;
  'plugin::content-manager.content-types': ContentManagerConfigurationService;
  'plugin::content-manager.components': ContentManagerConfigurationService;
  'admin::permission': AdminPermissionService;
  'admin::content-type': AdminContentTypeService;
  'admin::role': AdminRoleService;
  'admin::api-token': AdminApiTokenService;
}

export type ServiceName = keyof Services & UID.Service;

/**
 * A service by its uid, typed: `getService(strapi, 'api::comment.moderation').evaluate(...)`. Plugin services are
 * `plugin::<plugin>.<service>` (what `strapi.plugin(plugin).service(service)` returns).
 */
export const getService = <Name extends ServiceName>(strapi: Core.Strapi, name: Name): Services[Name] => strapi.service(name) as Services[Name];
