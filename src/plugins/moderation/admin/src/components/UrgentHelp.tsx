import * as React from 'react';
import { Box, Button, Typography } from '@strapi/design-system';
import { useFetchClient } from '@strapi/strapi/admin';
import { type CrisisSupport, languageName } from '../api';
import { SAFE_MESSAGING_GUIDANCE } from '../data/safe-messaging';

/** The support per language, read once per page load. */
const cachedSupport = new Map<string, Promise<CrisisSupport>>();

interface Props {
  /** The comment's language: the reader was shown the support in it (English when there is none). */
  language: string | null;
  canReply: boolean;
  sent: boolean;
  onSendResources: () => Promise<void>;
}

/** Beside an urgent comment: what to do (safe messaging), the resources the reader was shown, and the email. */
export const UrgentHelp = ({ language, canReply, sent, onSendResources }: Props) => {
  const { get } = useFetchClient();
  const [support, setSupport] = React.useState<CrisisSupport | null>(null);
  const [sending, setSending] = React.useState(false);
  const code = language && /^[a-z]{2,3}$/.test(language) && language !== 'und' ? language : 'en';

  React.useEffect(() => {
    let current = true;
    let answer = cachedSupport.get(code);
    if (!answer) {
      answer = get<{ data: CrisisSupport }>(`/moderation/support?language=${code}`).then((response) => response.data.data);
      answer.catch(() => cachedSupport.delete(code));
      cachedSupport.set(code, answer);
    }
    answer.then((value) => current && setSupport(value)).catch(() => undefined);
    return () => {
      current = false;
    };
  }, [get, code]);

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
          <Typography variant="sigma">Resources they were shown{support.language !== 'en' && ` (in ${languageName(support.language) ?? support.language})`}</Typography>
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
