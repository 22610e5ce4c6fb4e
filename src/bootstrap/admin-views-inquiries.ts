import type { UID } from '@strapi/strapi';
import type { ViewConfig } from './admin-view-types';

/** The front office's view of "Ask about this group" inquiries (merged into ADMIN_VIEWS): urgent and new first. */
export const INQUIRY_ADMIN_VIEWS: Partial<Record<UID.ContentType, ViewConfig>> = {
  'api::inquiry.inquiry': {
    settings: { mainField: 'name', defaultSortBy: 'createdAt', defaultSortOrder: 'DESC' },
    list: ['name', 'program', 'handling', 'urgent', 'waitingList', 'preferredContact', 'createdAt'],
    fields: {
      program: { label: 'Program', editable: false },
      name: { label: 'Name', editable: false },
      email: { label: 'Email address', editable: false },
      phone: { label: 'Phone', editable: false },
      preferredContact: { label: 'Preferred contact', editable: false },
      message: { label: 'Their message', editable: false },
      consentVersion: { label: 'Consent sentence agreed to (version)', editable: false },
      handling: { label: 'Handling', description: 'Set to handled once you have contacted them; the time is recorded.' },
      handledAt: { label: 'Handled at', editable: false },
      waitingList: { label: 'On the waiting list (the program was full)', editable: false },
      urgent: { label: 'Urgent (the message reads as a crisis: contact them first)', editable: false },
    },
  },
};
