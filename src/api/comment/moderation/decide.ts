/**
 * The one place the moderation policy lives: flags and the author's standing → status and priority.
 * - Crisis language always reaches a person first (pending, urgent), even inside spam.
 * - Otherwise any spam flag means spam.
 * - A comment is approved without review only when the request proved a verified address that already has an
 *   approved comment, and no flag at all was raised (no personal details, link, sensitive topic...).
 * - Everything else waits for a moderator.
 */
export type ModerationStatus = 'pending' | 'approved' | 'rejected' | 'spam';
export type Priority = 'normal' | 'urgent';

export const SPAM_FLAGS = ['honeypot', 'blocked-term', 'too-many-links', 'generic-praise', 'known-spam-source', 'commercial-link'] as const;
/** A flag that makes a comment spam: one of the above, or a commercial class from the lexicons (`spam:crypto`...). */
export const isSpamFlag = (flag: string) => flag.startsWith('spam:') || (SPAM_FLAGS as readonly string[]).includes(flag);

export interface AuthorStanding {
  /** An earlier comment (by someone else) has the same normalised text. */
  isDuplicate: boolean;
  /** The request carried a valid commenter token: the address was confirmed by its owner. */
  verified: boolean;
  /** The (verified) address already has an approved comment. */
  hasApprovedComment: boolean;
}

export interface Verdict {
  flags: string[];
  moderationStatus: ModerationStatus;
  priority: Priority;
}

export const isCrisis = (flags: readonly string[]) => flags.includes('crisis');

export const decide = (flags: string[], standing: AuthorStanding): Verdict => {
  if (isCrisis(flags)) return { flags, moderationStatus: 'pending', priority: 'urgent' };
  if (flags.some(isSpamFlag)) return { flags, moderationStatus: 'spam', priority: 'normal' };
  if (flags.length === 0 && standing.verified && standing.hasApprovedComment) return { flags, moderationStatus: 'approved', priority: 'normal' };
  return { flags, moderationStatus: 'pending', priority: 'normal' };
};
