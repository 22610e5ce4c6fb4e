import type { Core } from '@strapi/strapi';
import type { OperationSpec, PublicRoute } from '../types';

export interface OperationContext {
  strapi: Core.Strapi;
  route: PublicRoute;
}

/** Documentation of one Strapi action (a route handler), given the route it is mounted on. */
export type Describe = (context: OperationContext) => OperationSpec;

export const idParameter = (description: string) => ({ name: 'id', in: 'path' as const, required: true, description, schema: { type: 'string' } });
export const slugParameter = (description: string) => ({ name: 'slug', in: 'path' as const, required: true, description, schema: { type: 'string' } });
/** `locale` on a route of localised content: which version to read (slugs are looked up in it). */
export const localeParameter = {
  name: 'locale',
  in: 'query' as const,
  description: 'The locale to read (en, es, ... as configured in Settings → Internationalization; default: the default locale, en). Slugs are looked up in it. A locale that does not exist is a 400 naming it.',
  schema: { type: 'string', pattern: '^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$' },
  example: 'es',
};

export const MODERATOR_SECURITY = [{ moderatorJwt: [] }];
