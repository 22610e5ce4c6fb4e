import { Button, Flex } from '@strapi/design-system';
import { pendingLabel, type QueueItem, type Status, STATUS_LABELS } from '../api';

interface Props {
  item: QueueItem;
  canReply: boolean;
  onDecide: (status: Status) => void;
  onUrgency: (urgent: boolean) => void;
  onSeen: () => void;
  onToggleReply: () => void;
}

const STATUSES: Status[] = ['approved', 'rejected', 'spam', 'pending'];
const VARIANT: Record<Status, 'success' | 'danger' | 'secondary' | 'tertiary'> = { approved: 'success', rejected: 'danger', spam: 'secondary', pending: 'tertiary' };

/** The buttons under a comment: seen (if nobody has read it), a status, urgent or not, a reply as the practice. */
export const ItemActions = ({ item, canReply, onDecide, onUrgency, onSeen, onToggleReply }: Props) => {
  const urgent = item.priority === 'urgent';
  const waitingUrgent = urgent && item.moderationStatus === 'pending';
  return (
    <Flex gap={2} marginTop={4} wrap="wrap">
      {item.publishedWithoutReview && (
        <Button size="S" variant="default" onClick={onSeen}>
          Mark seen
        </Button>
      )}
      {STATUSES.filter((status) => status !== item.moderationStatus).map((status) => (
        <Button key={status} size="S" variant={VARIANT[status]} onClick={() => onDecide(status)}>
          {status === 'pending' ? pendingLabel(item.moderationStatus) : STATUS_LABELS[status]}
        </Button>
      ))}
      <Button size="S" variant={urgent ? 'tertiary' : 'danger-light'} onClick={() => onUrgency(!urgent)}>
        {urgent ? 'Not urgent' : 'Mark urgent'}
      </Button>
      {canReply && !waitingUrgent && !['spam', 'rejected'].includes(item.moderationStatus) && (
        <Button size="S" variant="tertiary" onClick={onToggleReply}>
          Reply as the practice
        </Button>
      )}
    </Flex>
  );
};
