import * as React from 'react';
import { Box, Button, Flex, Textarea } from '@strapi/design-system';
import { useFetchClient, useNotification } from '@strapi/strapi/admin';
import type { ReplyWarning } from '../api';
import { messageOf, replyWarningsOf } from '../hooks/errors';
import { ReplyWarnings } from './ReplyWarnings';

/**
 * A reply as the practice under one comment. The server checks the wording first: a reply that would confirm the
 * reader is a client, or that repeats personal details, comes back with warnings and is published only by "Send
 * anyway" (with `confirmDisclosure`) for exactly the text that was checked; any edit means a new check.
 */
export const ReplyBox = ({ documentId, onPublished }: { documentId: string; onPublished: () => Promise<void> }) => {
  const { post } = useFetchClient();
  const { toggleNotification } = useNotification();
  const [body, setBody] = React.useState('');
  const [held, setHeld] = React.useState<{ body: string; warnings: ReplyWarning[] } | null>(null);
  const [sending, setSending] = React.useState(false);
  const warnings = held && held.body === body ? held.warnings : null;

  const send = async (confirmDisclosure: boolean) => {
    setSending(true);
    try {
      await post(`/moderation/comments/${documentId}/reply`, confirmDisclosure ? { body, confirmDisclosure: true } : { body });
      toggleNotification({ type: 'success', message: confirmDisclosure ? 'Reply published as the practice, as written (recorded).' : 'Reply published as the practice.' });
      setBody('');
      setHeld(null);
      await onPublished();
    } catch (error) {
      const found = replyWarningsOf(error);
      if (found) setHeld({ body, warnings: found });
      else toggleNotification({ type: 'danger', message: messageOf(error) });
    } finally {
      setSending(false);
    }
  };

  return (
    <Box marginTop={3}>
      <Textarea
        aria-label="Reply as the practice"
        placeholder="Your reply, published under the practice's name"
        value={body}
        onChange={(event: React.ChangeEvent<HTMLTextAreaElement>) => setBody(event.target.value)}
      />
      {warnings && <ReplyWarnings body={body} warnings={warnings} sending={sending} onSendAnyway={() => send(true)} />}
      <Flex gap={2} marginTop={2}>
        <Button size="S" disabled={body.trim() === '' || warnings !== null} loading={sending && !warnings} onClick={() => send(false)}>
          Publish reply
        </Button>
      </Flex>
    </Box>
  );
};
