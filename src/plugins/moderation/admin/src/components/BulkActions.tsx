import { Button, Flex, Typography } from '@strapi/design-system';
import { pendingLabel, type QueueItem, type Status, STATUS_LABELS } from '../api';

interface Props {
  selected: QueueItem[];
  onDecide: (status: Status) => void;
  onUrgency: (urgent: boolean) => void;
  onSeen: () => void;
}

/** What can be done to every selected comment at once: a status, seen, urgent or not urgent. */
export const BulkActions = ({ selected, onDecide, onUrgency, onSeen }: Props) => {
  const statuses = new Set(selected.map((item) => item.moderationStatus));
  const from = statuses.size === 1 ? [...statuses][0] : null;
  return (
    <Flex gap={2} marginTop={4} wrap="wrap" data-testid="bulk-actions">
      <Typography>{selected.length} selected:</Typography>
      {selected.some((item) => item.publishedWithoutReview) && (
        <Button size="S" variant="default" onClick={onSeen}>
          Mark seen
        </Button>
      )}
      {(['approved', 'rejected', 'spam', 'pending'] as Status[]).map((status) => (
        <Button key={status} size="S" variant="secondary" onClick={() => onDecide(status)}>
          {status === 'pending' ? pendingLabel(from) : STATUS_LABELS[status]}
        </Button>
      ))}
      {selected.some((item) => item.priority !== 'urgent') && (
        <Button size="S" variant="danger-light" onClick={() => onUrgency(true)}>
          Mark urgent
        </Button>
      )}
      {selected.some((item) => item.priority === 'urgent') && (
        <Button size="S" variant="tertiary" onClick={() => onUrgency(false)}>
          Not urgent
        </Button>
      )}
    </Flex>
  );
};
