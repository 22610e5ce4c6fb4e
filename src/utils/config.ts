import type { Core } from '@strapi/strapi';
import type { FeedConfig } from '../../config/feed';
import type { MiddlewaresConfig } from '../../config/middlewares';
import type { ModerationConfig } from '../../config/moderation';
import type { PublicQueryConfig } from '../../config/public-query';
import type { ReadersConfig } from '../../config/readers';
import type { ResponseCacheConfig } from '../../config/response-cache';
import type { SeedConfig } from '../../config/seed';
import type { ServerConfig } from '../../config/server';
import type { SupportConfig } from '../../config/support';
import type { WebsiteConfig } from '../../config/website';
import type { ModerationPluginConfig } from '../plugins/moderation/server/src/config';
import type { SchedulePanelPluginConfig } from '../plugins/schedule-panel/server/src/config';

/**
 * What the app reads from `strapi.config`: each of its configuration files (config/<name>.ts) with the type that
 * file exports, and the package's name and version, which Strapi keeps as `info`.
 */
export interface AppConfig {
  feed: FeedConfig;
  middlewares: MiddlewaresConfig;
  moderation: ModerationConfig;
  'public-query': PublicQueryConfig;
  readers: ReadersConfig;
  'response-cache': ResponseCacheConfig;
  seed: SeedConfig;
  server: ServerConfig;
  support: SupportConfig;
  website: WebsiteConfig;
  info: { name: string; version: string };
}

/**
 * One configuration file's values, typed: `getConfig(strapi, 'moderation').notify`. Read at the moment of use, so a
 * value changed at run time (`strapi.config.set('readers.erasureMode', ...)`, as benchmarks and tests do) is seen.
 */
export const getConfig = <K extends keyof AppConfig>(strapi: Core.Strapi, key: K): AppConfig[K] => strapi.config.get(key) as AppConfig[K];

/** The app's own plugins' configuration: their defaults (server/src/config.ts) with config/plugins.ts over them. */
export interface PluginConfig {
  moderation: ModerationPluginConfig;
  'schedule-panel': SchedulePanelPluginConfig;
}

/** What `strapi.plugin(name).config(key)` reads, as one typed object: `getPluginConfig(strapi, 'moderation').undoSeconds`. */
export const getPluginConfig = <K extends keyof PluginConfig>(strapi: Core.Strapi, plugin: K): PluginConfig[K] =>
  strapi.config.get(`plugin::${plugin}`) as PluginConfig[K];
