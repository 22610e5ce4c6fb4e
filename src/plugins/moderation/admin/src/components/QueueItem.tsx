import * as React from 'react';
import { Badge, Box, Checkbox, Flex, Link, Typography } from '@strapi/design-system';
import type { QueueItem as Item, Status } from '../api';
import { HighlightedText } from './HighlightedText';
import { History } from './History';
import { ItemActions } from './ItemActions';
import { ReplyBox } from './ReplyBox';
import { Scores } from './Scores';
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
  onUrgency: (urgent: boolean) => void;
  onSeen: () => void;
  onReplied: () => Promise<void>;
  onSendResources: () => Promise<void>;
}

export const QueueItem = ({ item, focused, checked, canModerate, canReply, onCheck, onFocus, onDecide, onUrgency, onSeen, onReplied, onSendResources }: Props) => {
  const [replying, setReplying] = React.useState(false);
  const urgent = item.priority === 'urgent' && item.moderationStatus === 'pending';

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
              {item.publishedWithoutReview && <Badge variant="warning">published without review</Badge>}
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
        <Scores item={item} />
      </Flex>

      {item.publishedWithoutReview && (
        <Box marginTop={3} padding={3} background="warning100" hasRadius data-testid="published-without-review">
          <Typography variant="pi">
            <strong>Published without review: it is on the public page and no person has read it yet.</strong> The rules approved it on their own (a
            verified author with an approved comment before, nothing flagged, low crisis risk and spam score). Mark it seen (<kbd>e</kbd>) if it can
            stay, unpublish it (<kbd>p</kbd>), or mark it urgent (<kbd>!</kbd>).
          </Typography>
        </Box>
      )}

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
          {item.flags.map(({ flag, description, kind, severity }) => (
            <li key={flag} data-flag={flag}>
              <Typography variant="pi" textColor={kind === 'crisis' ? 'danger600' : severity === 'spam' ? 'neutral600' : 'neutral800'} fontWeight={severity === 'urgent' ? 'bold' : undefined}>
                {description}
              </Typography>
            </li>
          ))}
        </Box>
      )}

      {urgent && <UrgentHelp language={item.language} canReply={canReply} onSendResources={onSendResources} sent={item.events.some((event) => event.action === 'resources-email')} />}

      {canModerate && <ItemActions item={item} canReply={canReply} onDecide={onDecide} onUrgency={onUrgency} onSeen={onSeen} onToggleReply={() => setReplying(!replying)} />}

      {replying && (
        <ReplyBox
          documentId={item.documentId}
          onPublished={async () => {
            setReplying(false);
            await onReplied();
          }}
        />
      )}

      {item.events.length > 0 && <History events={item.events} />}
    </Box>
  );
};
