import type { DocumentActionComponent } from '@strapi/content-manager/strapi-admin';
import { useFetchClient, useNotification, useRBAC } from '@strapi/strapi/admin';
import { useNavigate } from 'react-router-dom';
import { PERMISSIONS, PROGRAM } from '../api';

/** "Schedule next term" on a saved group-therapy program: a draft copy that follows its last session. */
export const NextTermAction: DocumentActionComponent = ({ model, documentId, document }) => {
  const { post } = useFetchClient();
  const navigate = useNavigate();
  const { toggleNotification } = useNotification();
  const { allowedActions } = useRBAC(PERMISSIONS.nextTerm);
  if (model !== PROGRAM || !documentId || document?.kind !== 'group-therapy' || !allowedActions.canNextTerm) return null;
  return {
    label: 'Schedule next term',
    position: ['panel', 'table-row'],
    onClick: async () => {
      try {
        const { data } = await post<{ data: { documentId: string; firstSessionDate: string } }>('/schedule-panel/next-term', { documentId });
        toggleNotification({ type: 'success', message: `Next term drafted: first session ${data.data.firstSessionDate}. Review it and publish.` });
        navigate(`/content-manager/collection-types/${PROGRAM}/${data.data.documentId}`);
      } catch (error) {
        const message = (error as { response?: { data?: { error?: { message?: string } } } }).response?.data?.error?.message;
        toggleNotification({ type: 'danger', message: message ?? 'The next term could not be created.' });
      }
    },
  };
};
