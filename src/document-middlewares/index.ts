import type { Core } from '@strapi/strapi';
import { moderationMiddleware } from './moderation';
import { slugMiddleware } from './slugs';

/** Data rules that must hold on every path (admin, REST, Document Service, seed) run as Document Service middlewares. */
export const registerDocumentMiddlewares = (strapi: Core.Strapi) => {
  strapi.documents.use(slugMiddleware(strapi));
  strapi.documents.use(moderationMiddleware(strapi));
};
