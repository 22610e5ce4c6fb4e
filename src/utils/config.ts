import type { Core } from '@strapi/strapi';
import type { ModerationConfig } from '../../config/moderation';
import type { SupportConfig } from '../../config/support';

/** The app's own configuration files, each with the type its file exports: one typed way to read them. */
export interface AppConfig {
  moderation: ModerationConfig;
  support: SupportConfig;
}

export const getConfig = <K extends keyof AppConfig>(strapi: Core.Strapi, key: K): AppConfig[K] => strapi.config.get(key) as AppConfig[K];
