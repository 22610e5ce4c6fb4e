import * as React from 'react';
import { useFetchClient, useNotification } from '@strapi/strapi/admin';
import type { DecisionAnswer, Status } from '../api';
import { messageOf } from './errors';

export interface UndoOffer {
  batchId: string;
  message: string;
  until: number;
}

const DONE: Record<Status, string> = { approved: 'approved', rejected: 'rejected', spam: 'marked as spam', pending: 'back to pending' };
const comments = (count: number) => `${count} comment${count === 1 ? '' : 's'}`;

/**
 * What a moderator decides in the inbox: a status, urgent or not urgent, seen. Each answer offers its undo for the
 * undo window (the server takes a batch back as one); `after` runs after every change (reload, clear the selection).
 */
export const useDecisions = (undoSeconds: number, after: () => Promise<void>) => {
  const { post } = useFetchClient();
  const { toggleNotification } = useNotification();
  const [undo, setUndo] = React.useState<UndoOffer | null>(null);

  const act = async (path: string, body: Record<string, unknown>, done: string) => {
    try {
      const { data } = await post<DecisionAnswer>(path, body);
      const count = data.data.changed.length;
      if (count > 0) setUndo({ batchId: data.data.batchId, message: `${comments(count)} ${done}.`, until: Date.now() + undoSeconds * 1000 });
      else toggleNotification({ type: 'info', message: 'Nothing changed: another moderator may have decided meanwhile.' });
    } catch (error) {
      toggleNotification({ type: 'danger', message: messageOf(error) });
    }
    await after();
  };

  return {
    undo,
    decide: async (documentIds: string[], status: Status) => {
      if (documentIds.length > 0) await act('/moderation/decisions', { documentIds, status }, DONE[status]);
    },
    setUrgency: async (documentIds: string[], urgent: boolean) => {
      if (documentIds.length === 0) return;
      await act('/moderation/urgency', { documentIds, urgent }, urgent ? 'marked urgent: held off the public page, the moderators are emailed' : 'marked not urgent');
    },
    markSeen: async (documentIds: string[]) => {
      if (documentIds.length > 0) await act('/moderation/reviews', { documentIds }, 'marked as seen');
    },
    undoLast: async () => {
      if (!undo) return;
      setUndo(null);
      try {
        await post('/moderation/decisions/undo', { batchId: undo.batchId });
        toggleNotification({ type: 'info', message: 'Undone.' });
      } catch (error) {
        toggleNotification({ type: 'danger', message: messageOf(error) });
      }
      await after();
    },
    expireUndo: () => setUndo(null),
  };
};
