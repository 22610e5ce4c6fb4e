import type { Core } from '@strapi/strapi';
import { blockMiddleware } from './blocks';
import { cacheInvalidationMiddleware } from './cache-invalidation';
import { commentDecisionsMiddleware } from './comment-decisions';
import { dataRequestMiddleware } from './data-requests';
import { inquiryMiddleware } from './inquiries';
import { meetingLinkMiddleware } from './meeting-links';
import { moderationMiddleware } from './moderation';
import { scheduleMiddleware } from './schedules';
import { siteRebuild } from '../site-rebuild';
import { slugMiddleware } from './slugs';
import { translationMiddleware } from './translations';

/** Data rules that must hold on every path (admin, REST, Document Service, seed) run as Document Service middlewares. */
export const registerDocumentMiddlewares = (strapi: Core.Strapi) => {
  strapi.documents.use(translationMiddleware(strapi));
  strapi.documents.use(slugMiddleware(strapi));
  strapi.documents.use(scheduleMiddleware(strapi));
  strapi.documents.use(meetingLinkMiddleware(strapi));
  strapi.documents.use(moderationMiddleware(strapi));
  strapi.documents.use(commentDecisionsMiddleware(strapi));
  strapi.documents.use(blockMiddleware(strapi));
  strapi.documents.use(dataRequestMiddleware(strapi));
  strapi.documents.use(inquiryMiddleware(strapi));
  strapi.documents.use(cacheInvalidationMiddleware(strapi, siteRebuild(strapi)));
};
