import type { Core } from '@strapi/strapi';
import type { ReportedComment } from './comment-report';
import { getService } from '#app/utils/services';
import { getConfig } from '#app/utils/config';

/** The moderators' email about a comment a reader reported as a crisis (it is now urgent and escalates if unreviewed). */
const service = ({ strapi }: { strapi: Core.Strapi }) => ({
  crisisReported(comment: ReportedComment): void {
    const { moderatorEmails, adminUrl } = getConfig(strapi, 'moderation').notify;
    const title = comment.article?.title ?? 'an article';
    if (moderatorEmails.length === 0) {
      strapi.log.warn(`Comment ${comment.documentId} on "${title}" reported as a crisis: no MODERATOR_EMAILS to notify.`);
      return;
    }
    getService(strapi, 'plugin::email.email')
      .send({
        to: moderatorEmails.join(','),
        subject: `Urgent: a reader reported a comment as a crisis on "${title}"`,
        text: [
          'A reader reported a published comment as a possible crisis. It is now urgent; please review it first.',
          '',
          `Article: ${title}`,
          `Author: ${comment.authorName}`,
          '',
          comment.body,
          '',
          `Review it: ${adminUrl}/admin/content-manager/collection-types/api::comment.comment/${comment.documentId}`,
        ].join('\n'),
      })
      .catch((error: Error) => strapi.log.error(`Could not notify moderators of the crisis report on ${comment.documentId}: ${error.message}`));
  },
});

export default service;

declare module '#app/utils/services' {
  interface Services {
    'api::comment-report.notify': ReturnType<typeof service>;
  }
}
