import { Box, Typography } from '@strapi/design-system';
import type { QueueEvent } from '../api';

const when = (iso: string) => new Date(iso).toLocaleString();

/** One line of the audit trail in words: "pending → approved", "marked urgent (approved → pending)", "marked seen". */
export const describeEvent = (event: QueueEvent): string => {
  const move = event.fromStatus !== event.toStatus ? `${event.fromStatus} → ${event.toStatus}` : '';
  switch (event.action) {
    case 'status':
      return move;
    case 'undo':
      return move ? `undo: ${move}` : 'undo';
    case 'review':
      return 'marked seen';
    case 'urgency': {
      const { to } = JSON.parse(event.detail ?? '{}') as { to?: { priority?: string } };
      return `${to?.priority === 'urgent' ? 'marked urgent' : 'marked not urgent'}${move ? ` (${move})` : ''}`;
    }
    default:
      return event.detail ?? event.action;
  }
};

/** Who did what to the comment, newest first. */
export const History = ({ events }: { events: QueueEvent[] }) => (
  <Box tag="ul" marginTop={3} data-testid="history">
    {events.map((event, index) => (
      <li key={index}>
        <Typography variant="pi" textColor="neutral500">
          {when(event.createdAt)} · {event.actor.replace(/^admin:/, '')} · {describeEvent(event)}
        </Typography>
      </li>
    ))}
  </Box>
);
