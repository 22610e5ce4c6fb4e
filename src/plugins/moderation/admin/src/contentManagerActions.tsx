import type { BulkActionComponent, DocumentActionComponent } from '@strapi/content-manager/strapi-admin';
import { useFetchClient, useNotification, useRBAC } from '@strapi/strapi/admin';
import { PERMISSIONS, type Status } from './api';

/**
 * Approve / Reject / Spam in Strapi's own Comment list (bulk actions) and edit view (document actions), through the
 * inbox's admin route: the same permission and the same audit trail as the inbox.
 */
const COMMENT = 'api::comment.comment';
const LABELS: Record<Exclude<Status, 'pending'>, string> = { approved: 'Approve', rejected: 'Reject', spam: 'Mark as spam' };

const useDecision = () => {
  const { post } = useFetchClient();
  const { toggleNotification } = useNotification();
  const { allowedActions } = useRBAC(PERMISSIONS.moderate);
  return {
    allowed: Boolean(allowedActions.canModerate),
    decide: async (documentIds: string[], status: Status) => {
      const { data } = await post<{ data: { changed: unknown[] } }>('/moderation/decisions', { documentIds, status });
      toggleNotification({ type: 'success', message: `${data.data.changed.length} comment(s) changed.` });
      // The list and the form show the stored status again.
      window.location.reload();
    },
  };
};

const bulkAction = (status: Exclude<Status, 'pending'>): BulkActionComponent => {
  const Action: BulkActionComponent = ({ model, documents }) => {
    const { allowed, decide } = useDecision();
    if (model !== COMMENT || !allowed) return null;
    return { label: LABELS[status], variant: status === 'approved' ? 'success' : 'secondary', onClick: () => decide(documents.map((document) => document.documentId), status) };
  };
  return Action;
};

const documentAction = (status: Exclude<Status, 'pending'>): DocumentActionComponent => {
  const Action: DocumentActionComponent = ({ model, documentId, document }) => {
    const { allowed, decide } = useDecision();
    if (model !== COMMENT || !allowed || !documentId) return null;
    return {
      label: LABELS[status],
      disabled: document?.moderationStatus === status,
      position: ['panel', 'table-row'],
      onClick: async () => {
        await decide([documentId], status);
      },
    };
  };
  return Action;
};

const STATUSES = ['approved', 'rejected', 'spam'] as const;
export const bulkActions = STATUSES.map(bulkAction);
export const documentActions = STATUSES.map(documentAction);
