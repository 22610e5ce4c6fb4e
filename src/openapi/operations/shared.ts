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

export const MODERATOR_SECURITY = [{ moderatorJwt: [] }];
