import * as React from 'react';
import { Box, Button, Typography } from '@strapi/design-system';
import { useFetchClient } from '@strapi/strapi/admin';
import type { CrisisSupport } from '../api';
import { SAFE_MESSAGING_GUIDANCE } from '../data/safe-messaging';

let cachedSupport: Promise<CrisisSupport> | null = null;

/** Beside an urgent comment: what to do (safe messaging), the resources the reader was shown, and the email. */
export const UrgentHelp = ({ canReply, sent, onSendResources }: { canReply: boolean; sent: boolean; onSendResources: () => Promise<void> }) => {
  const { get } = useFetchClient();
  const [support, setSupport] = React.useState<CrisisSupport | null>(null);
  const [sending, setSending] = React.useState(false);

  React.useEffect(() => {
    cachedSupport ??= get<{ data: CrisisSupport }>('/moderation/support').then((response) => response.data.data);
    cachedSupport.then(setSupport).catch(() => undefined);
  }, [get]);

  return (
    <Box marginTop={4} padding={4} background="danger100" hasRadius data-testid="urgent-help">
      <Typography variant="delta" tag="h3">
        This reader may be at risk
      </Typography>
      <Box tag="ul" marginTop={2}>
        {SAFE_MESSAGING_GUIDANCE.map((line) => (
          <li key={line}>
            <Typography variant="pi">{line}</Typography>
          </li>
        ))}
      </Box>
      {support && (
        <Box marginTop={3}>
          <Typography variant="sigma">Resources they were shown</Typography>
          <Box tag="ul">
            {[...support.resources, support.emergency].map((resource) => (
              <li key={resource.name}>
                <Typography variant="pi">
                  {resource.name}: {resource.description}
                </Typography>
              </li>
            ))}
          </Box>
        </Box>
      )}
      {canReply && (
        <Box marginTop={3}>
          <Button
            size="S"
            variant="danger"
            loading={sending}
            disabled={sent}
            onClick={async () => {
              setSending(true);
              try {
                await onSendResources();
              } finally {
                setSending(false);
              }
            }}
          >
            {sent ? 'Resources email sent' : 'Email them these resources'}
          </Button>
        </Box>
      )}
    </Box>
  );
};
