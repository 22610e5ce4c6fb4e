import * as React from 'react';
import { Box, Button, Flex, Loader, Typography } from '@strapi/design-system';
import { useFetchClient, useForm } from '@strapi/strapi/admin';
import type { Fix, PanelAnswer } from '../api';

type FormValues = { kind?: string | null; schedule?: Record<string, unknown> | null };
const DEBOUNCE_MS = 300;

/** The sessions of the schedule as it is in the form now, recomputed by the server's own schedule code as the editor types. */
export const SessionsPanel = ({ documentId }: { documentId?: string }) => {
  const { post } = useFetchClient();
  const values = useForm('SessionsPanel', (state) => state.values as FormValues);
  const onChange = useForm('SessionsPanel', (state) => state.onChange);
  const addFieldRow = useForm('SessionsPanel', (state) => state.addFieldRow);
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
            <li key={session.start}>
              <Typography variant="pi">
                {session.weekday} {session.date}, {session.time}
                {session.heldAt && <Typography textColor="warning600"> (held at {session.heldAt})</Typography>}
              </Typography>
            </li>
          ))}
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
