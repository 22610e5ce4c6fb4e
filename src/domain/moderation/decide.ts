import { type Flag, severityOf } from './flags';
import type { AuthorStanding } from './types';

/**
 * The one place the moderation policy lives: every flag and the author's standing → status and priority.
 * - Crisis (any urgent flag: the lexicons, the learned model, a moderator) reaches a person first, even inside spam.
 * - Otherwise any spam flag means spam.
 * - A comment is published without review only on positive evidence: a verified address that already has an
 *   approved comment, and no flag that holds it (no personal details, link, sensitive topic, uncovered language,
 *   learned crisis risk above the low threshold, spam score in doubt). The phases raise a holding flag when the
 *   evidence is missing (the model could not score it, the language could not be told), so silence is never trust.
 * - Everything else waits for a moderator.
 */
export type ModerationStatus = 'pending' | 'approved' | 'rejected' | 'spam';
export type Priority = 'normal' | 'urgent';

export interface Verdict {
  flags: Flag[];
  moderationStatus: ModerationStatus;
  priority: Priority;
  /** Published with no person having read it: it waits in the inbox's "Published without review" tab. */
  autoApproved: boolean;
}

export const decide = (flags: Flag[], standing: AuthorStanding): Verdict => {
  const severities = new Set(flags.map(severityOf));
  if (severities.has('urgent')) return { flags, moderationStatus: 'pending', priority: 'urgent', autoApproved: false };
  if (severities.has('spam')) return { flags, moderationStatus: 'spam', priority: 'normal', autoApproved: false };
  if (flags.length === 0 && standing.verified && standing.hasApprovedComment) return { flags, moderationStatus: 'approved', priority: 'normal', autoApproved: true };
  return { flags, moderationStatus: 'pending', priority: 'normal', autoApproved: false };
};
