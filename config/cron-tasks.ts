import type { Core } from '@strapi/strapi';

export default {
  /** Every night at 03:17: delete spam and rejected comments older than moderation.purgeAfterDays. */
  purgeDiscardedComments: {
    task: async ({ strapi }: { strapi: Core.Strapi }) => {
      await strapi.service('api::comment.comment').purgeDiscarded();
    },
    options: { rule: '17 3 * * *' },
  },
};
