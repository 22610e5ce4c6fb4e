import type { Core } from '@strapi/strapi';
import { getService } from '../src/utils/services';

export default {
  /** Every night at 03:17: delete spam and rejected comments older than moderation.purgeAfterDays. */
  purgeDiscardedComments: {
    task: async ({ strapi }: { strapi: Core.Strapi }) => {
      await getService(strapi, 'api::comment.comment').purgeDiscarded();
    },
    options: { rule: '17 3 * * *' },
  },
  /** Every night at 03:47: delete inquiries older than inquiries.retentionDays (INQUIRY_RETENTION_DAYS). */
  purgeExpiredInquiries: {
    task: async ({ strapi }: { strapi: Core.Strapi }) => {
      await getService(strapi, 'api::inquiry.inquiry').purgeExpired();
    },
    options: { rule: '47 3 * * *' },
  },
  /** An urgent comment nobody has reviewed within URGENT_ESCALATE_AFTER_MINUTES: email the escalation list. */
  escalateUrgentComments: {
    task: async ({ strapi }: { strapi: Core.Strapi }) => {
      await getService(strapi, 'api::comment.comment').escalateOverdueUrgent();
    },
    options: { rule: process.env.URGENT_ESCALATION_CRON || '*/5 * * * *' },
  },
};
