import type { CountryCode } from 'libphonenumber-js';
import { listMatcher } from './lexicon/compiled';
import { findPersonalDetails } from './phases/personal-details';
import { normalise, views } from './text/normalise';

/**
 * A reply the practice is about to publish under a reader's comment, checked for what a therapy practice must not
 * say in public: wording that confirms the reader is a client ("your session", "when we met"), and personal details
 * (the reader's or anyone's). The inbox shows the warnings; sending anyway is a deliberate second step.
 */
export interface ReplyWarning {
  kind: 'client-relationship' | 'personal-details';
  message: string;
  /** What was found: the phrases, or the kinds of personal detail. */
  found: string[];
}

export const checkPracticeReply = (reply: string, phoneRegions: readonly string[]): ReplyWarning[] => {
  const text = normalise(reply);
  const phrases = [...new Set(views(text).flatMap((view) => listMatcher('reply-guard', 'clientRelationship').find(view)))];
  const details = findPersonalDetails(reply, text, phoneRegions as CountryCode[]);
  return [
    ...(phrases.length > 0
      ? [{ kind: 'client-relationship' as const, message: 'This reply may confirm in public that the reader is a client of the practice (a breach of confidentiality).', found: phrases }]
      : []),
    ...(details.length > 0 ? [{ kind: 'personal-details' as const, message: 'This reply contains personal details; a public reply must not repeat them.', found: details }] : []),
  ];
};
