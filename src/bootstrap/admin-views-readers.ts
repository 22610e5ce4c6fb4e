import type { UID } from '@strapi/strapi';
import type { ViewConfig } from './admin-view-types';

/** Content Manager views of readers' reports, blocks and data requests (merged into ADMIN_VIEWS). */
export const READER_ADMIN_VIEWS: Partial<Record<UID.ContentType, ViewConfig>> = {
  'api::commenter-block.commenter-block': {
    settings: { mainField: 'reason', defaultSortBy: 'createdAt', defaultSortOrder: 'DESC' },
    list: ['email', 'ipHash', 'until', 'reason', 'createdAt'],
    fields: {
      email: { label: 'Email address', description: 'Blocks every comment and report from this address (give it, an IP hash, or both).' },
      ipHash: { label: 'IP hash', description: 'Copy it from the comment ("IP hash"): blocks every comment and report from that connection.' },
      until: { label: 'Blocked until', description: 'Leave empty to block for ever.' },
      reason: { label: 'Reason', description: 'Why, for the other moderators. Never shown to the reader: a blocked reader is answered as usual.' },
      rejectPending: { label: 'Also reject their pending comments', description: 'On save, every pending comment from this address or IP hash is rejected.' },
      pendingRejected: { label: 'Pending comments rejected', editable: false },
    },
  },
  'api::comment-report.comment-report': {
    settings: { mainField: 'reason', defaultSortBy: 'createdAt', defaultSortOrder: 'DESC' },
    list: ['reason', 'comment', 'resolvedAt', 'createdAt'],
    fields: {
      reason: { label: 'Reason', editable: false },
      text: { label: "Reader's words", editable: false },
      comment: { label: 'Reported comment', editable: false },
      resolvedAt: { label: 'Resolved (a moderator decided)', editable: false },
      readerKey: { label: 'Reader (hash)', editable: false },
      dedupeKey: { label: 'One report per reader (hash)', editable: false },
    },
  },
  'api::data-request.data-request': {
    settings: { mainField: 'email', defaultSortBy: 'createdAt', defaultSortOrder: 'DESC' },
    list: ['email', 'kind', 'status', 'requestedBy', 'completedAt', 'createdAt'],
    fields: {
      email: { label: 'Email address', description: 'Export: the address receives a download link. Erase: its comments are erased when you save.' },
      kind: { label: 'Request', description: 'Export (a copy by email link) or erase (at once, cannot be undone).' },
      status: { label: 'Status', editable: false },
      requestedBy: { label: 'Requested by', editable: false },
      mode: { label: 'Erasure mode', editable: false },
      result: { label: 'Result (counts only)', editable: false },
      completedAt: { label: 'Completed at', editable: false },
    },
  },
};
