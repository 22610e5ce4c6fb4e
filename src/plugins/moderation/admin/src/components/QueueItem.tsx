import * as React from 'react';
import { Badge, Box, Button, Checkbox, Flex, Link, Textarea, Typography } from '@strapi/design-system';
import type { QueueItem as Item, Status } from '../api';
import { STATUS_LABELS } from '../api';
import { HighlightedText } from './HighlightedText';
import { UrgentHelp } from './UrgentHelp';

/** "waiting 2 h 5 min": how long the comment has waited. */
export const waitedFor = (createdAt: string, now = Date.now()) => {
  const minutes = Math.max(0, Math.round((now - new Date(createdAt).getTime()) / 60_000));
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours} h ${minutes % 60} min`;
  return `${Math.floor(hours / 24)} days`;
};

const when = (iso: string) => new Date(iso).toLocaleString();

interface Props {
  item: Item;
  focused: boolean;
  checked: boolean;
  canModerate: boolean;
  canReply: boolean;
  onCheck: (checked: boolean) => void;
  onFocus: () => void;
  onDecide: (status: Status) => void;
  onReply: (body: string) => Promise<void>;
  onSendResources: () => Promise<void>;
}

const ACTIONS: Status[] = ['approved', 'rejected', 'spam', 'pending'];
const VARIANT: Record<Status, 'success' | 'danger' | 'secondary' | 'tertiary'> = { approved: 'success', rejected: 'danger', spam: 'secondary', pending: 'tertiary' };

export const QueueItem = ({ item, focused, checked, canModerate, canReply, onCheck, onFocus, onDecide, onReply, onSendResources }: Props) => {
  const [reply, setReply] = React.useState('');
  const [replying, setReplying] = React.useState(false);
  const urgent = item.priority === 'urgent' && item.moderationStatus === 'pending';
  // The words that pushed towards spam (the title shows every weight).
  const spamWords = item.spamWords.filter((entry) => entry.weight > 0).map((entry) => entry.word);

  return (
    <Box
      tag="article"
      data-testid="queue-item"
      data-document-id={item.documentId}
      aria-current={focused ? 'true' : undefined}
      padding={5}
      marginBottom={3}
      hasRadius
      background="neutral0"
      shadow="tableShadow"
      borderColor={focused ? 'primary600' : urgent ? 'danger500' : 'neutral150'}
      borderWidth={focused ? '2px' : '1px'}
      borderStyle="solid"
      onClick={onFocus}
    >
      <Flex justifyContent="space-between" alignItems="flex-start" gap={4}>
        <Flex gap={3} alignItems="flex-start">
          {canModerate && <Checkbox aria-label={`Select the comment by ${item.authorName}`} checked={checked} onCheckedChange={(value) => onCheck(value === true)} />}
          <Box>
            <Flex gap={2} wrap="wrap">
              <Typography variant="omega" fontWeight="bold">
                {item.authorName}
              </Typography>
              {item.byPractice && <Badge>the practice</Badge>}
              <Typography variant="pi" textColor="neutral600">
                {item.authorApprovedComments === 0 ? 'no approved comments yet' : `${item.authorApprovedComments} approved comment${item.authorApprovedComments === 1 ? '' : 's'}`}
              </Typography>
              <Typography variant="pi" textColor={urgent ? 'danger600' : 'neutral600'} data-testid="waited">
                {item.moderationStatus === 'pending' ? `waiting ${waitedFor(item.createdAt)}` : `received ${when(item.createdAt)}`}
              </Typography>
            </Flex>
            {item.article && (
              <Typography variant="pi">
                on <Link href={item.article.url} isExternal>{item.article.title}</Link>
              </Typography>
            )}
          </Box>
        </Flex>
        {item.spamScore !== null && (
          <Typography variant="pi" textColor="neutral600" title={item.spamWords.map((entry) => `${entry.word} (${entry.weight > 0 ? '+' : ''}${entry.weight})`).join(', ')}>
            spam score {Math.round(item.spamScore * 100)}%
            {spamWords.length > 0 && `, because of: ${spamWords.join(', ')}`}
          </Typography>
        )}
      </Flex>

      {item.parent && (
        <Box marginTop={3} padding={3} background="neutral100" hasRadius>
          <Typography variant="pi" textColor="neutral600">
            In reply to {item.parent.authorName}: {item.parent.body.length > 240 ? `${item.parent.body.slice(0, 240)}…` : item.parent.body}
          </Typography>
        </Box>
      )}

      <Box marginTop={3}>
        <HighlightedText text={item.body} highlights={item.highlights} />
      </Box>

      {item.reports && (
        <Box marginTop={3} padding={3} background="warning100" hasRadius data-testid="reports">
          <Typography variant="pi" fontWeight="bold">
            Reported by {item.reports.total} reader{item.reports.total === 1 ? '' : 's'}:{' '}
            {Object.entries(item.reports.reasons)
              .map(([reason, count]) => `${reason.replace('-', ' ')}${count && count > 1 ? ` ×${count}` : ''}`)
              .join(', ')}
          </Typography>
          {item.reports.reports
            .filter((report) => report.text)
            .map((report, index) => (
              <Typography key={index} tag="p" variant="pi" textColor="neutral700">
                “{report.text}”
              </Typography>
            ))}
        </Box>
      )}

      {item.flags.length > 0 && (
        <Box tag="ul" marginTop={3} data-testid="flags">
          {item.flags.map(({ flag, description }) => (
            <li key={flag}>
              <Typography variant="pi" textColor={flag.startsWith('crisis') ? 'danger600' : 'neutral700'}>
                {description}
              </Typography>
            </li>
          ))}
        </Box>
      )}

      {urgent && <UrgentHelp canReply={canReply} onSendResources={onSendResources} sent={item.events.some((event) => event.action === 'resources-email')} />}

      {canModerate && (
        <Flex gap={2} marginTop={4} wrap="wrap">
          {ACTIONS.filter((status) => status !== item.moderationStatus).map((status) => (
            <Button key={status} size="S" variant={VARIANT[status]} onClick={() => onDecide(status)}>
              {STATUS_LABELS[status]}
            </Button>
          ))}
          {canReply && !urgent && !['spam', 'rejected'].includes(item.moderationStatus) && (
            <Button size="S" variant="tertiary" onClick={() => setReplying(!replying)}>
              Reply as the practice
            </Button>
          )}
        </Flex>
      )}

      {replying && (
        <Box marginTop={3}>
          <Textarea aria-label="Reply as the practice" placeholder="Your reply, published under the practice's name" value={reply} onChange={(event: React.ChangeEvent<HTMLTextAreaElement>) => setReply(event.target.value)} />
          <Flex gap={2} marginTop={2}>
            <Button
              size="S"
              disabled={reply.trim() === ''}
              onClick={async () => {
                await onReply(reply);
                setReply('');
                setReplying(false);
              }}
            >
              Publish reply
            </Button>
          </Flex>
        </Box>
      )}

      {item.events.length > 0 && (
        <Box tag="ul" marginTop={3} data-testid="history">
          {item.events.map((event, index) => (
            <li key={index}>
              <Typography variant="pi" textColor="neutral500">
                {when(event.createdAt)} · {event.actor.replace(/^admin:/, '')} ·{' '}
                {event.action === 'status' || event.action === 'undo' ? `${event.action === 'undo' ? 'undo: ' : ''}${event.fromStatus} → ${event.toStatus}` : event.detail}
              </Typography>
            </li>
          ))}
        </Box>
      )}
    </Box>
  );
};
