import * as React from 'react';
import { useFetchClient, useNotification } from '@strapi/strapi/admin';
import type { Counts, QueueAnswer, QueueItem, Tab } from '../api';
import { QUEUE_CHANGED } from '../components/MenuIcon';

export const PAGE_SIZE = 25;

/** One page of one tab, the counts of every tab and the undo window; `load` reads them again (and the menu badge). */
export const useQueue = (tab: Tab, page: number) => {
  const { get } = useFetchClient();
  const { toggleNotification } = useNotification();
  const [items, setItems] = React.useState<QueueItem[]>([]);
  const [counts, setCounts] = React.useState<Counts | null>(null);
  const [undoSeconds, setUndoSeconds] = React.useState(10);

  const load = React.useCallback(async () => {
    try {
      const { data } = await get<QueueAnswer>(`/moderation/queue?tab=${tab}&page=${page}&pageSize=${PAGE_SIZE}`);
      setItems(data.data);
      setCounts(data.meta.counts);
      setUndoSeconds(data.meta.undoSeconds);
      window.dispatchEvent(new Event(QUEUE_CHANGED));
    } catch {
      toggleNotification({ type: 'danger', message: 'The queue could not be loaded.' });
    }
  }, [get, tab, page, toggleNotification]);

  React.useEffect(() => {
    void load();
  }, [load]);

  return { items, counts, undoSeconds, load };
};
