import * as React from 'react';
import { Box, Button, Flex, Tabs, Typography } from '@strapi/design-system';
import { Layouts, Page, useFetchClient, useNotification, useRBAC } from '@strapi/strapi/admin';
import { type Counts, type DecisionAnswer, PERMISSIONS, type QueueAnswer, type QueueItem as Item, type Status, STATUS_LABELS, type Tab, TABS } from '../api';
import { QUEUE_CHANGED } from '../components/MenuIcon';
import { QueueItem } from '../components/QueueItem';
import { useKeyboard } from '../components/useKeyboard';

const TAB_LABELS: Record<Tab, string> = { urgent: 'Urgent', pending: 'Pending', reported: 'Reported', spam: 'Spam', rejected: 'Rejected', approved: 'Approved' };
const DONE: Record<Status, string> = { approved: 'approved', rejected: 'rejected', spam: 'marked as spam', pending: 'back to pending' };
const PAGE_SIZE = 25;

interface Undo {
  batchId: string;
  message: string;
  until: number;
}

/** The moderation inbox: tabs with counts, the full text of each comment, one-click and bulk decisions, undo. */
const Inbox = () => {
  const { get, post } = useFetchClient();
  const { toggleNotification } = useNotification();
  const { allowedActions } = useRBAC([...PERMISSIONS.read, ...PERMISSIONS.moderate, ...PERMISSIONS.reply]);
  const [tab, setTab] = React.useState<Tab>('urgent');
  const [page, setPage] = React.useState(1);
  const [items, setItems] = React.useState<Item[]>([]);
  const [counts, setCounts] = React.useState<Counts | null>(null);
  const [focus, setFocus] = React.useState(0);
  const [checked, setChecked] = React.useState<Set<string>>(new Set());
  const [undo, setUndo] = React.useState<Undo | null>(null);
  const [undoSeconds, setUndoSeconds] = React.useState(10);
  const [, tick] = React.useState(0);

  const load = React.useCallback(async () => {
    const { data } = await get<QueueAnswer>(`/moderation/queue?tab=${tab}&page=${page}&pageSize=${PAGE_SIZE}`);
    setItems(data.data);
    setCounts(data.meta.counts);
    setUndoSeconds(data.meta.undoSeconds);
    setFocus((current) => Math.min(current, Math.max(0, data.data.length - 1)));
    setChecked((current) => new Set([...current].filter((id) => data.data.some((item) => item.documentId === id))));
    window.dispatchEvent(new Event(QUEUE_CHANGED));
  }, [get, tab, page]);

  React.useEffect(() => {
    load().catch(() => toggleNotification({ type: 'danger', message: 'The queue could not be loaded.' }));
  }, [load, toggleNotification]);

  // The undo offer counts down once a second and disappears when the window closes.
  React.useEffect(() => {
    if (!undo) return undefined;
    const timer = setInterval(() => (Date.now() > undo.until ? setUndo(null) : tick((value) => value + 1)), 1000);
    return () => clearInterval(timer);
  }, [undo]);

  const decide = async (documentIds: string[], status: Status) => {
    if (documentIds.length === 0) return;
    const { data } = await post<DecisionAnswer>('/moderation/decisions', { documentIds, status });
    const count = data.data.changed.length;
    if (count > 0) setUndo({ batchId: data.data.batchId, message: `${count} comment${count === 1 ? '' : 's'} ${DONE[status]}.`, until: Date.now() + undoSeconds * 1000 });
    setChecked(new Set());
    await load();
  };

  const undoLast = async () => {
    if (!undo) return;
    await post('/moderation/decisions/undo', { batchId: undo.batchId });
    setUndo(null);
    toggleNotification({ type: 'info', message: 'Undone.' });
    await load();
  };

  const targets = () => (checked.size > 0 ? [...checked] : items[focus] ? [items[focus].documentId] : []);
  useKeyboard({
    j: () => setFocus((current) => Math.min(current + 1, items.length - 1)),
    k: () => setFocus((current) => Math.max(current - 1, 0)),
    x: () => items[focus] && toggle(items[focus].documentId, !checked.has(items[focus].documentId)),
    a: () => allowedActions.canModerate && decide(targets(), 'approved'),
    r: () => allowedActions.canModerate && decide(targets(), 'rejected'),
    s: () => allowedActions.canModerate && decide(targets(), 'spam'),
    u: () => undoLast(),
  });

  function toggle(documentId: string, on: boolean) {
    setChecked((current) => {
      const next = new Set(current);
      if (on) next.add(documentId);
      else next.delete(documentId);
      return next;
    });
  }

  return (
    <Page.Main>
      <Page.Title>Moderation inbox</Page.Title>
      <Layouts.Header
        title="Moderation inbox"
        subtitle="Urgent comments first, then the oldest. Keys: j/k move, x select, a approve, r reject, s spam, u undo."
      />
      <Layouts.Content>
        {undo && (
          <Flex data-testid="undo-bar" justifyContent="space-between" padding={3} marginBottom={4} background="primary100" hasRadius>
            <Typography>{undo.message}</Typography>
            <Button size="S" variant="secondary" onClick={undoLast}>
              Undo ({Math.max(0, Math.ceil((undo.until - Date.now()) / 1000))} s)
            </Button>
          </Flex>
        )}
        <Tabs.Root
          value={tab}
          onValueChange={(value: string) => {
            setTab(value as Tab);
            setPage(1);
            setFocus(0);
            setChecked(new Set());
          }}
        >
          <Tabs.List aria-label="Comment queues">
            {TABS.map((name) => (
              <Tabs.Trigger key={name} value={name} data-testid={`tab-${name}`}>
                {TAB_LABELS[name]} ({counts?.[name] ?? '…'})
              </Tabs.Trigger>
            ))}
          </Tabs.List>
        </Tabs.Root>
        {allowedActions.canModerate && checked.size > 0 && (
          <Flex gap={2} marginTop={4} data-testid="bulk-actions">
            <Typography>{checked.size} selected:</Typography>
            {(['approved', 'rejected', 'spam', 'pending'] as Status[]).map((status) => (
              <Button key={status} size="S" variant="secondary" onClick={() => decide([...checked], status)}>
                {STATUS_LABELS[status]}
              </Button>
            ))}
          </Flex>
        )}
        <Box marginTop={4}>
          {items.length === 0 && <Typography textColor="neutral600">Nothing here.</Typography>}
          {items.map((item, index) => (
            <QueueItem
              key={item.documentId}
              item={item}
              focused={index === focus}
              checked={checked.has(item.documentId)}
              canModerate={Boolean(allowedActions.canModerate)}
              canReply={Boolean(allowedActions.canReply)}
              onCheck={(on) => toggle(item.documentId, on)}
              onFocus={() => setFocus(index)}
              onDecide={(status) => decide([item.documentId], status)}
              onReply={async (body) => {
                await post(`/moderation/comments/${item.documentId}/reply`, { body });
                toggleNotification({ type: 'success', message: 'Reply published as the practice.' });
                await load();
              }}
              onSendResources={async () => {
                await post(`/moderation/comments/${item.documentId}/resources`, {});
                toggleNotification({ type: 'success', message: 'Resources email sent.' });
                await load();
              }}
            />
          ))}
        </Box>
        {counts && counts[tab] > PAGE_SIZE && (
          <Flex gap={2} justifyContent="center" marginTop={4}>
            <Button variant="tertiary" disabled={page === 1} onClick={() => setPage(page - 1)}>
              Previous
            </Button>
            <Typography>
              Page {page} of {Math.ceil(counts[tab] / PAGE_SIZE)}
            </Typography>
            <Button variant="tertiary" disabled={page * PAGE_SIZE >= counts[tab]} onClick={() => setPage(page + 1)}>
              Next
            </Button>
          </Flex>
        )}
      </Layouts.Content>
    </Page.Main>
  );
};

const ProtectedInbox = () => (
  <Page.Protect permissions={PERMISSIONS.read}>
    <Inbox />
  </Page.Protect>
);

export default ProtectedInbox;
