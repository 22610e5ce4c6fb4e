import type { Core } from '@strapi/strapi';
import config from './config';
import panel from './controllers/panel';
import { ACTION_DEFINITIONS } from './permissions';
import routes from './routes';
import holidays from './services/holidays';
import nextTerm from './services/next-term';
import { getService } from '#app/utils/services';

/** The editors' schedule panel (server side): the preview route, holidays, and next term. */
export default {
  config,
  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    await getService(strapi, 'admin::permission').actionProvider.registerMany(ACTION_DEFINITIONS);
  },
  controllers: { panel },
  services: { holidays, 'next-term': nextTerm },
  routes,
};
