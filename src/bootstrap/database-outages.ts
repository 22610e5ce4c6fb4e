import type { Core } from '@strapi/strapi';
import { isDatabaseUnavailable } from '../middlewares/database-unavailable';

let installed = false;

/**
 * Strapi's event listeners (webhooks, audit of entry events) re-read entries after a request has answered,
 * outside any request, and do not catch a failed query. While the database is down such a rejection would end
 * the process; it is logged instead. Every other unhandled rejection still ends the process, as Node does.
 */
export const surviveDatabaseOutages = (strapi: Core.Strapi) => {
  if (installed) return;
  installed = true;
  process.on('unhandledRejection', (reason) => {
    if (!isDatabaseUnavailable(reason)) throw reason;
    strapi.log.warn(`Database unavailable outside a request (${(reason as Error).message?.split(' - ').pop()}); continuing.`);
  });
};
