import type { Core } from '@strapi/strapi';
import config from './config';
import contentTypes from './content-types';
import inbox from './controllers/inbox';
import { ACTION_DEFINITIONS } from './permissions';
import routes from './routes';
import attention from './services/attention';
import decisions from './services/decisions';
import practice from './services/practice';
import queue from './services/queue';
import { getService } from '#app/utils/services';

/** The moderation inbox plugin (server side): admin permissions, the queue, decisions with undo, replies, resources. */
export default {
  config,
  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    await getService(strapi, 'admin::permission').actionProvider.registerMany(ACTION_DEFINITIONS);
  },
  contentTypes,
  controllers: { inbox },
  services: { queue, decisions, attention, practice },
  routes,
};
