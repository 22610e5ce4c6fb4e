import type { Core } from '@strapi/strapi';
import type { FeedConfig } from '../../config/feed';
import type { InquiriesConfig } from '../../config/inquiries';
import type { LocalesConfig } from '../../config/locales';
import type { MiddlewaresConfig } from '../../config/middlewares';
import type { ModerationConfig } from '../../config/moderation';
import type { PublicQueryConfig } from '../../config/public-query';
import type { ReadersConfig } from '../../config/readers';
import type { ResponseCacheConfig } from '../../config/response-cache';
import type { SeedConfig } from '../../config/seed';
import type { ServerConfig } from '../../config/server';
import type { SupportConfig } from '../../config/support';
import type { WebsiteConfig } from '../../config/website';

/**
 * What the app reads from `strapi.config`: each of its configuration files (config/<name>.ts) with the type that
 * file exports, and the package's name and version, which Strapi keeps as `info`.
 */
export interface AppConfig {
  feed: FeedConfig;
  inquiries: InquiriesConfig;
  locales: LocalesConfig;
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
