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

/**
 * The buttons under a comment: a status, urgent or not, a reply as the practice. A comment published without review
 * leads with what its tab is for: seen, unpublish, urgent.
 */
export const ItemActions = ({ item, canReply, onDecide, onUrgency, onSeen, onToggleReply }: Props) => {
  const urgent = item.priority === 'urgent';
  const unread = item.publishedWithoutReview;
  const statusButton = (status: Status) => (
    <Button key={status} size="S" variant={VARIANT[status]} onClick={() => onDecide(status)}>
      {status === 'pending' ? pendingLabel(item.moderationStatus) : STATUS_LABELS[status]}
    </Button>
  );
  const urgencyButton = (
    <Button size="S" variant={urgent ? 'tertiary' : 'danger-light'} onClick={() => onUrgency(!urgent)}>
      {urgent ? 'Not urgent' : 'Mark urgent'}
    </Button>
  );
  const others = STATUSES.filter((status) => status !== item.moderationStatus && !(unread && status === 'pending'));
  return (
    <Flex gap={2} marginTop={4} wrap="wrap">
      {unread && (
        <>
          <Button size="S" variant="default" onClick={onSeen}>
            Mark seen
          </Button>
          {statusButton('pending')}
          {urgencyButton}
        </>
      )}
      {others.map(statusButton)}
      {!unread && urgencyButton}
      {canReply && !(urgent && item.moderationStatus === 'pending') && !['spam', 'rejected'].includes(item.moderationStatus) && (
        <Button size="S" variant="tertiary" onClick={onToggleReply}>
          Reply as the practice
        </Button>
      )}
    </Flex>
  );
};
