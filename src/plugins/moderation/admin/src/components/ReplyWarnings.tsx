import { Box, Button, Flex, Typography } from '@strapi/design-system';
import type { ReplyWarning } from '../api';
import { asWritten } from '../text';

/** Why each kind of warning matters, for a moderator deciding whether to send anyway. */
const WHY: Record<ReplyWarning['kind'], string> = {
  'client-relationship':
    'The thread is public. A reply that shows this reader is (or was) a client of the practice breaks their confidentiality, even if they said so themselves. Answer as you would any reader, and take anything personal to a private channel.',
  'personal-details': 'A public reply must not repeat a phone number, an address, a date of birth or anything else that identifies someone.',
};
const DETAILS: Record<string, string> = {
  'phone-number': 'a phone number',
  'email-address': 'an email address',
  'street-address': 'a street address',
  'date-of-birth': 'a date of birth',
  'member-id': 'an insurance or member number',
  'named-diagnosis': 'a person named with a diagnosis or medication',
  'child-school': 'a child named with their school',
};
/** What was found in words: the kinds of personal detail, or the phrases as the moderator wrote them. */
const foundText = (warning: ReplyWarning, body: string) =>
  warning.kind === 'personal-details'
    ? warning.found.map((kind) => DETAILS[kind] ?? kind.replace(/-/g, ' ')).join(', ')
    : warning.found.map((phrase) => `“${asWritten(body, phrase) ?? phrase}”`).join(', ');

interface Props {
  /** The reply that was checked. */
  body: string;
  warnings: ReplyWarning[];
  sending: boolean;
  onSendAnyway: () => void;
}

/** The reply guard's answer: what was found, why it matters, and a deliberate way to publish the text as it is. */
export const ReplyWarnings = ({ body, warnings, sending, onSendAnyway }: Props) => (
  <Box marginTop={3} padding={4} background="danger100" borderColor="danger200" borderStyle="solid" borderWidth="1px" hasRadius role="alert" data-testid="reply-warnings">
    <Typography variant="delta" tag="h4">
      Not published yet: check this reply
    </Typography>
    <Box tag="ul" marginTop={2}>
      {warnings.map((warning) => (
        <Box tag="li" key={warning.kind} marginBottom={2} data-testid={`reply-warning-${warning.kind}`}>
          <Typography tag="p" fontWeight="bold">
            {warning.message}
          </Typography>
          <Typography tag="p" variant="pi">
            Found: {foundText(warning, body)}
          </Typography>
          <Typography tag="p" variant="pi" textColor="neutral700">
            {WHY[warning.kind]}
          </Typography>
        </Box>
      ))}
    </Box>
    <Flex gap={3} marginTop={2} alignItems="center" wrap="wrap">
      <Button size="S" variant="danger" loading={sending} onClick={onSendAnyway}>
        Send anyway
      </Button>
      <Typography variant="pi" textColor="neutral700">
        Or edit the reply and publish it again: it is checked again. Sending anyway is recorded in the comment’s history.
      </Typography>
    </Flex>
  </Box>
);
