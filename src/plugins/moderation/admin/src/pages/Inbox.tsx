import * as React from 'react';
import { Box, Button, Flex, Tabs, Typography } from '@strapi/design-system';
import { Layouts, Page, useFetchClient, useNotification, useRBAC } from '@strapi/strapi/admin';
import { PERMISSIONS, type QueueItem as Item, type Tab, TABS } from '../api';
import { BulkActions } from '../components/BulkActions';
import { KeyboardHelp } from '../components/KeyboardHelp';
import { QueueItem } from '../components/QueueItem';
import { UndoBar } from '../components/UndoBar';
import { messageOf } from '../hooks/errors';
import { useDecisions } from '../hooks/useDecisions';
import { useKeyboard } from '../hooks/useKeyboard';
import { PAGE_SIZE, useQueue } from '../hooks/useQueue';

const TAB_LABELS: Record<Tab, string> = {
  urgent: 'Urgent',
  pending: 'Pending',
  unreviewed: 'Published without review',
  reported: 'Reported',
  spam: 'Spam',
  rejected: 'Rejected',
  approved: 'Approved',
};
const ids = (items: Item[]) => items.map((item) => item.documentId);

/** The moderation inbox: tabs with counts, the full text of each comment, one-click, bulk and keyboard decisions, undo. */
const Inbox = () => {
  const { post } = useFetchClient();
  const { toggleNotification } = useNotification();
  const { allowedActions } = useRBAC([...PERMISSIONS.read, ...PERMISSIONS.moderate, ...PERMISSIONS.reply]);
  const canModerate = Boolean(allowedActions.canModerate);
  const [tab, setTab] = React.useState<Tab>('urgent');
  const [page, setPage] = React.useState(1);
  const [focus, setFocus] = React.useState(0);
  const [checked, setChecked] = React.useState<Set<string>>(new Set());
  const { items, counts, undoSeconds, load } = useQueue(tab, page);
  const after = React.useCallback(async () => {
    setChecked(new Set());
    await load();
  }, [load]);
  const decisions = useDecisions(undoSeconds, after);

  // After every load: the focus stays in the list, the selection keeps only comments still shown.
  React.useEffect(() => {
    setFocus((current) => Math.min(current, Math.max(0, items.length - 1)));
    setChecked((current) => new Set([...current].filter((id) => items.some((item) => item.documentId === id))));
  }, [items]);

  const selected = items.filter((item) => checked.has(item.documentId));
  const targets = () => (selected.length > 0 ? selected : items[focus] ? [items[focus]] : []);
  /** `!`: urgent for any that is not, else not urgent (when in doubt, urgent). */
  const toggleUrgency = (list: Item[]) => {
    const notUrgent = list.filter((item) => item.priority !== 'urgent');
    return notUrgent.length > 0 ? decisions.setUrgency(ids(notUrgent), true) : decisions.setUrgency(ids(list), false);
  };
  const markSeen = (list: Item[]) => {
    const unread = list.filter((item) => item.publishedWithoutReview);
    if (unread.length === 0) toggleNotification({ type: 'info', message: 'Only comments published without review are marked seen.' });
    return decisions.markSeen(ids(unread));
  };
  const toggle = (documentId: string, on: boolean) =>
    setChecked((current) => {
      const next = new Set(current);
      if (on) next.add(documentId);
      else next.delete(documentId);
      return next;
    });

  useKeyboard({
    j: () => setFocus((current) => Math.min(current + 1, items.length - 1)),
    k: () => setFocus((current) => Math.max(current - 1, 0)),
    x: () => items[focus] && toggle(items[focus].documentId, !checked.has(items[focus].documentId)),
    a: () => canModerate && decisions.decide(ids(targets()), 'approved'),
    r: () => canModerate && decisions.decide(ids(targets()), 'rejected'),
    s: () => canModerate && decisions.decide(ids(targets()), 'spam'),
    p: () => canModerate && decisions.decide(ids(targets()), 'pending'),
    '!': () => canModerate && toggleUrgency(targets()),
    e: () => canModerate && markSeen(targets()),
    u: () => decisions.undoLast(),
  });

  return (
    <Page.Main>
      <Page.Title>Moderation inbox</Page.Title>
      <Layouts.Header
        title="Moderation inbox"
        subtitle={
          <>
            Urgent comments first, then the oldest. <KeyboardHelp />
          </>
        }
      />
      <Layouts.Content>
        {decisions.undo && <UndoBar offer={decisions.undo} onUndo={decisions.undoLast} onExpire={decisions.expireUndo} />}
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
        {canModerate && selected.length > 0 && (
          <BulkActions
            selected={selected}
            onDecide={(status) => decisions.decide(ids(selected), status)}
            onUrgency={(urgent) => decisions.setUrgency(ids(selected.filter((item) => (item.priority === 'urgent') !== urgent)), urgent)}
            onSeen={() => markSeen(selected)}
          />
        )}
        <Box marginTop={4}>
          {items.length === 0 && <Typography textColor="neutral600">Nothing here.</Typography>}
          {items.map((item, index) => (
            <QueueItem
              key={item.documentId}
              item={item}
              focused={index === focus}
              checked={checked.has(item.documentId)}
              canModerate={canModerate}
              canReply={Boolean(allowedActions.canReply)}
              onCheck={(on) => toggle(item.documentId, on)}
              onFocus={() => setFocus(index)}
              onDecide={(status) => decisions.decide([item.documentId], status)}
              onUrgency={(urgent) => decisions.setUrgency([item.documentId], urgent)}
              onSeen={() => decisions.markSeen([item.documentId])}
              onReplied={load}
              onSendResources={async () => {
                try {
                  await post(`/moderation/comments/${item.documentId}/resources`, {});
                  toggleNotification({ type: 'success', message: 'Resources email sent.' });
                } catch (error) {
                  toggleNotification({ type: 'danger', message: messageOf(error) });
                }
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
