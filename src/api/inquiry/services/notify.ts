import type { Core } from '@strapi/strapi';
import { getService } from '#app/utils/services';
import { getConfig } from '#app/utils/config';

export interface NewInquiry {
  documentId: string;
  name: string;
  email: string;
  phone: string | null;
  preferredContact: 'email' | 'phone';
  message: string | null;
  waitingList: boolean;
  urgent: boolean;
  /** Why it is urgent: a crisis phrase of the lexicons, or the learned crisis model alone. */
  urgentBecause: 'phrase' | 'model' | null;
  program: { title: string; slug: string };
}

/** The subject says which program and whether it is urgent, never the message (it shows in every inbox list and notification). */
export const inquirySubject = ({ urgent, waitingList, program }: Pick<NewInquiry, 'urgent' | 'waitingList' | 'program'>) =>
  `${urgent ? 'Urgent: ' : ''}${waitingList ? 'Waiting list' : 'Inquiry'}: "${program.title}"`;

/** The front office's email about a new inquiry (FRONT_OFFICE_EMAILS). */
const service = ({ strapi }: { strapi: Core.Strapi }) => ({
  async newInquiry(inquiry: NewInquiry): Promise<void> {
    const { frontOfficeEmails, adminUrl } = getConfig(strapi, 'inquiries');
    if (frontOfficeEmails.length === 0) {
      strapi.log.warn(`Inquiry ${inquiry.documentId} about "${inquiry.program.title}": no FRONT_OFFICE_EMAILS to notify.`);
      return;
    }
    const lines = [
      inquiry.urgent
        ? `URGENT: the message reads as a possible crisis (${inquiry.urgentBecause === 'phrase' ? 'it has crisis language' : 'by the learned model alone, which misreads some short questions: read it'}). The person was shown crisis resources at once; please contact them first, today.`
        : `Someone asked about a group program${inquiry.waitingList ? ' that is full: they are on its waiting list' : ''}.`,
      '',
      `Program: ${inquiry.program.title}`,
      `Name: ${inquiry.name}`,
      `Email: ${inquiry.email}`,
      `Phone: ${inquiry.phone ?? '(none)'}`,
      `Preferred contact: ${inquiry.preferredContact}`,
      `Waiting list: ${inquiry.waitingList ? 'yes' : 'no'}`,
      '',
      inquiry.message ? `Message:\n${inquiry.message}` : '(no message)',
      '',
      `Open it and mark it handled: ${adminUrl}/admin/content-manager/collection-types/api::inquiry.inquiry/${inquiry.documentId}`,
    ];
    await getService(strapi, 'plugin::email.email')
      .send({ to: frontOfficeEmails.join(','), subject: inquirySubject(inquiry), text: lines.join('\n') })
      .catch((error: Error) => strapi.log.error(`Could not email the front office about inquiry ${inquiry.documentId}: ${error.message}`));
  },
});

export default service;

declare module '#app/utils/services' {
  interface Services {
    'api::inquiry.notify': ReturnType<typeof service>;
  }
}
