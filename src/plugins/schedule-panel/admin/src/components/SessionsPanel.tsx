import * as React from 'react';
import { Box, Button, Flex, Loader, Typography } from '@strapi/design-system';
import { useFetchClient, useForm } from '@strapi/strapi/admin';
import type { Fix, PanelAnswer, PanelSession } from '../api';
import { ChangeForm, MOVE_FIELDS, changeValues } from './ChangeForm';
import { SessionRow } from './SessionRow';

type FormValues = { kind?: string | null; schedule?: Record<string, unknown> | null };
const DEBOUNCE_MS = 300;

/** The sessions of the schedule as it is in the form now, recomputed by the server's own schedule code as the editor types. */
export const SessionsPanel = ({ documentId }: { documentId?: string }) => {
  const { post } = useFetchClient();
  const values = useForm('SessionsPanel', (state) => state.values as FormValues);
  const onChange = useForm('SessionsPanel', (state) => state.onChange);
  const addFieldRow = useForm('SessionsPanel', (state) => state.addFieldRow);
  const removeFieldRow = useForm('SessionsPanel', (state) => state.removeFieldRow);
  const [addingExtra, setAddingExtra] = React.useState(false);
  const [answer, setAnswer] = React.useState<PanelAnswer | null>(null);
  const [failed, setFailed] = React.useState(false);
  const request = JSON.stringify({ kind: values.kind ?? null, schedule: values.schedule ?? {}, ...(documentId ? { documentId } : {}) });

  React.useEffect(() => {
    let current = true;
    const timer = setTimeout(async () => {
      try {
        const { data } = await post<{ data: PanelAnswer }>('/schedule-panel/preview', JSON.parse(request));
        if (current) {
          setAnswer(data.data);
          setFailed(false);
        }
      } catch {
        if (current) setFailed(true);
      }
    }, DEBOUNCE_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [post, request]);

  const apply = (fix: Fix) => {
    if ('skippedDates' in fix) fix.skippedDates.forEach((entry) => addFieldRow('schedule.skippedDates', entry));
    else if ('firstSessionDate' in fix) onChange('schedule.firstSessionDate', fix.firstSessionDate);
    else {
      onChange('schedule.ends', fix.ends);
      onChange('schedule.sessionCount', fix.sessionCount);
    }
  };

  const CHANGES = 'schedule.sessionChanges';
  const addChange = (row: Record<string, unknown>) => addFieldRow(CHANGES, row);
  // The form's row behind a listed session's change, so the editor can take it back before saving.
  const undoOf = (session: PanelSession) => {
    const rows = (values.schedule?.sessionChanges ?? []) as Array<{ kind?: string; date?: string }>;
    if (session.status === 'scheduled' && !session.extra) return null;
    const index = rows.findIndex((row) => (session.extra ? row.kind === 'extra' && row.date?.startsWith(session.date) : row.kind !== 'extra' && row.date?.startsWith(session.sessionDate)));
    return index < 0 ? null : () => removeFieldRow(CHANGES, index);
  };

  if (failed) return <Typography textColor="danger600">The sessions could not be computed.</Typography>;
  if (!answer) return <Loader small>Computing the sessions…</Loader>;
  return (
    <Box width="100%" data-testid="sessions-panel">
      {answer.summary && (
        <Typography tag="p" fontWeight="bold" data-testid="panel-summary">
          {answer.summary}
        </Typography>
      )}
      {answer.leftOut && (
        <Typography tag="p" variant="pi" fontWeight="bold" textColor="danger600" data-testid="panel-left-out">
          The published program is left out of the public feed and calendars: {answer.leftOut}. Fix the schedule and publish.
        </Typography>
      )}
      {answer.problems.map((problem) => (
        <Typography key={problem.field} tag="p" variant="pi" textColor="danger600">
          {problem.message}
        </Typography>
      ))}
      {answer.complete && (
        <Box tag="ol" marginTop={2} data-testid="panel-sessions">
          {answer.sessions.map((session) => (
            <SessionRow key={`${session.status}-${session.start}`} session={session} addChange={addChange} undo={undoOf(session)} />
          ))}
        </Box>
      )}
      {answer.complete && (
        <Box marginTop={2}>
          {addingExtra ? (
            <ChangeForm
              title="Add an extra session"
              fields={[{ name: 'date', label: 'Date', hint: 'YYYY-MM-DD', required: true }, ...MOVE_FIELDS.slice(1)]}
              onClose={() => setAddingExtra(false)}
              onSubmit={(entered) => {
                addChange({ kind: 'extra', ...changeValues(entered) });
                setAddingExtra(false);
              }}
            />
          ) : (
            <Button size="S" variant="secondary" onClick={() => setAddingExtra(true)}>
              Add an extra session
            </Button>
          )}
        </Box>
      )}
      {answer.complete && (
        <Typography tag="p" variant="pi" textColor="neutral600" data-testid="panel-remaining">
          {answer.remaining === null ? 'Ongoing: no last session.' : `${answer.remaining} session${answer.remaining === 1 ? '' : 's'} to come${answer.lastSession ? `, the last on ${answer.lastSession}` : ''}.`}
        </Typography>
      )}
      {answer.warnings.map((warning) => (
        <Box key={warning.kind} marginTop={3} padding={3} background="warning100" hasRadius data-testid={`warning-${warning.kind}`}>
          <Typography tag="p" variant="pi" fontWeight="bold">
            {warning.message}
          </Typography>
          {warning.dates?.map((entry) => (
            <Typography key={entry.date} tag="p" variant="pi">
              {entry.date}: {entry.note}
            </Typography>
          ))}
          {warning.fix && (
            <Flex marginTop={2}>
              <Button size="S" variant="secondary" onClick={() => apply(warning.fix!)}>
                {warning.fix.label}
              </Button>
            </Flex>
          )}
        </Box>
      ))}
    </Box>
  );
};
