import type { Core } from '@strapi/strapi';
import { MODERATOR_API_ACTIONS } from '../bootstrap/api-roles';
import { PUBLIC_ACTIONS } from '../bootstrap/public-permissions';
import type { PublicRoute } from './types';

/** Routes outside the content API that anyone may call (src/health/readiness.ts and Strapi's own). */
export const SERVER_ROUTES: PublicRoute[] = [
  { method: 'GET', path: '/_ready', action: 'server::/_ready' },
  { method: 'GET', path: '/_health', action: 'server::/_health' },
];

type RouteLike = { method: string; path: string; handler: unknown; config?: { prefix?: string } };
type RouterLike = { type?: string; prefix?: string; routes: RouteLike[] };

const toOpenApiPath = (path: string) => path.replace(/:(\w+)/g, '{$1}');

/**
 * Every route a website, a build or an API moderator may call, read from Strapi's loaded routers (APIs and
 * plugins), so routes added by other branches appear here by themselves; kept when their action is granted to
 * Public or to the Moderator role in code.
 */
export const collectPublicRoutes = (strapi: Core.Strapi): PublicRoute[] => {
  const allowed = new Set<string>([...PUBLIC_ACTIONS, ...MODERATOR_API_ACTIONS]);
  const routes: PublicRoute[] = [];
  const add = (router: RouterLike, actionOf: (handler: string) => string) => {
    if (router.type && router.type !== 'content-api') return;
    for (const route of router.routes) {
      if (typeof route.handler !== 'string') continue;
      const action = actionOf(route.handler);
      if (!allowed.has(action)) continue;
      routes.push({ method: route.method.toUpperCase(), path: toOpenApiPath(`/api${route.path}`), action });
    }
  };
  for (const api of Object.values(strapi.apis) as Array<{ routes: Record<string, RouterLike> }>) {
    for (const router of Object.values(api.routes)) add(router, (handler) => handler);
  }
  for (const [name, plugin] of Object.entries(strapi.plugins) as Array<[string, { routes: Record<string, RouterLike> | RouteLike[] }]>) {
    if (Array.isArray(plugin.routes)) continue; // admin routes only
    for (const router of Object.values(plugin.routes)) add(router, (handler) => (handler.includes('::') ? handler : `plugin::${name}.${handler}`));
  }
  return [...routes, ...SERVER_ROUTES];
};
