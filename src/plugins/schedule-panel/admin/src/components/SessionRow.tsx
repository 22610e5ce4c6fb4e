import * as React from 'react';
import { Box, Button, Flex, Typography } from '@strapi/design-system';
import type { PanelSession } from '../api';
import { ChangeForm, MOVE_FIELDS, changeValues } from './ChangeForm';

type AddChange = (row: Record<string, unknown>) => void;

const describeStatus = (session: PanelSession) => {
  if (session.status === 'cancelled') return `Cancelled: ${session.reason ?? 'no reason given'}`;
  if (session.status === 'moved') return `Moved from ${session.sessionDate}${session.reason ? `: ${session.reason}` : ''}`;
  if (session.extra) return 'Extra session';
  return null;
};

/** One listed session with its actions: cancel (with a reason readers see) or move it; undo a change already made. */
export const SessionRow = ({ session, addChange, undo }: { session: PanelSession; addChange: AddChange; undo: (() => void) | null }) => {
  const [open, setOpen] = React.useState<'cancel' | 'move' | null>(null);
  const status = describeStatus(session);
  const on = session.sessionDate;
  return (
    <li data-testid={`session-${session.date}`} data-status={session.status}>
      <Flex gap={2} wrap="wrap">
        <Typography variant="pi" tag={session.status === 'cancelled' ? 's' : 'span'}>
          {session.weekday} {session.date}, {session.time}
          {session.location ? `, ${session.location}` : ''}
          {session.heldAt && <Typography textColor="warning600"> (held at {session.heldAt})</Typography>}
        </Typography>
        {status && (
          <Typography variant="pi" fontWeight="bold" textColor={session.status === 'cancelled' ? 'danger600' : 'primary600'}>
            {status}
          </Typography>
        )}
        {session.status === 'scheduled' && !session.extra && (
          <>
            <Button size="S" variant="tertiary" aria-label={`Cancel the session on ${on}`} onClick={() => setOpen(open === 'cancel' ? null : 'cancel')}>
              Cancel
            </Button>
            <Button size="S" variant="tertiary" aria-label={`Move the session on ${on}`} onClick={() => setOpen(open === 'move' ? null : 'move')}>
              Move
            </Button>
          </>
        )}
        {undo && (
          <Button size="S" variant="tertiary" aria-label={`Undo the change to the session on ${on}`} onClick={undo}>
            Undo
          </Button>
        )}
      </Flex>
      {open && (
        <Box>
          <ChangeForm
            title={open === 'cancel' ? `Cancel the session on ${on}` : `Move the session on ${on}`}
            fields={open === 'cancel' ? [{ name: 'reason', label: 'Reason readers will see', required: true }] : MOVE_FIELDS}
            onClose={() => setOpen(null)}
            onSubmit={(values) => {
              addChange(open === 'cancel' ? { kind: 'cancel', date: on, reason: values.reason.trim() } : { kind: 'move', date: on, ...changeValues(values) });
              setOpen(null);
            }}
          />
        </Box>
      )}
    </li>
  );
};
