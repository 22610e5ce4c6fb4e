import type { Core } from '@strapi/strapi';
import contentTypes from './content-types';
import inbox from './controllers/inbox';
import { ACTION_DEFINITIONS } from './permissions';
import routes from './routes';
import attention from './services/attention';
import decisions from './services/decisions';
import practice from './services/practice';
import queue from './services/queue';
import { getService } from '../../../../utils/services';

/** The moderation inbox plugin (server side): admin permissions, the queue, decisions with undo, replies, resources. */
export default {
  config: {
    default: {
      articleUrlTemplate: 'https://counseling.example/articles/{slug}',
      practiceName: 'Counseling Practice',
      practiceEmail: 'team@counseling.example',
      undoSeconds: 10,
    },
    validator() {},
  },
  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    await getService(strapi, 'admin::permission').actionProvider.registerMany(ACTION_DEFINITIONS);
  },
  contentTypes,
  controllers: { inbox },
  services: { queue, decisions, attention, practice },
  routes,
};
