import type { Core, UID } from '@strapi/strapi';

/*
 * Strapi's own services this app calls: only what it relies on. Their packages publish these types under dist/
 * paths only (not importable here), so they are declared.
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
 * Every service the app calls by uid, with its real type: a uid that is not here, or a method its service does not
 * have, is a compile error. Strapi's own are listed here; each of the app's services adds itself where its factory is
 * written, with the type the factory returns:
 *
 *   declare module '#app/utils/services' {
 *     interface Services { 'api::comment.akismet': ReturnType<typeof service> }
 *   }
 *
 * (Strapi's upload plugin lists its services here with `import type`s instead; here that would make this file and
 * every service that calls `getService` import each other.)
 */
export interface Services {
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
