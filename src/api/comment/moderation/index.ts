import { createHash } from 'crypto';
import type { CountryCode } from 'libphonenumber-js';
import { findCrisis } from './crisis';
import { type AuthorStanding, decide, isSpamFlag, type Verdict } from './decide';
import type { SpamScore } from './classifier';
import { findLinks } from './links';
import { normalise } from './normalise';
import { findPersonalDetails } from './personal-details';
import { findSensitiveTopics } from './sensitive';
import { containsTerm, isFromSpamSource, isGenericPraise, spamClasses, type SpamRules } from './spam';

/** The moderation rules as pure functions: a comment and its author's standing → named flags → verdict. */

export interface ModerationRules extends SpamRules {
  maxLinks: number;
  /** Extra crisis patterns from the deployment (lexicon syntax), urgent like the lexicons' own. */
  crisisTerms: string[];
  /** Regions whose national phone formats are recognised (ISO 3166 codes). */
  phoneRegions: string[];
  classifier: { spamThreshold: number; reviewThreshold: number };
}

/** What the learning filter and, when configured, Akismet said about the comment. */
export interface SpamSignals {
  learned?: SpamScore;
  akismet?: boolean;
}

export interface CommentCandidate {
  body: string;
  authorEmail: string;
  /** A form field people never see; bots fill it in. */
  honeypot?: string;
  /** The article's title: generic praise restates it. */
  articleTitle?: string;
  /** The input as sent, markup included: links are collected from it before the markup is removed. */
  markup?: string;
}

export const computeFlags = (
  candidate: CommentCandidate,
  standing: Pick<AuthorStanding, 'isDuplicate'>,
  rules: ModerationRules,
  signals: SpamSignals = {}
): string[] => {
  const text = normalise(candidate.body);
  const links = findLinks(candidate.markup ?? candidate.body);
  const flags = new Set<string>();

  if (candidate.honeypot && candidate.honeypot.trim() !== '') flags.add('honeypot');
  if (containsTerm(text, rules.blockedTerms)) flags.add('blocked-term');
  if (links.length >= rules.maxLinks) flags.add('too-many-links');
  else if (links.length > 0) flags.add('link');
  if (isGenericPraise(candidate.body, text, candidate.articleTitle, rules.praiseTerms)) flags.add('generic-praise');
  // The same text from someone else (pre-posting common questions must not bury later genuine ones): reviewed.
  if (standing.isDuplicate) flags.add('duplicate-text');
  if (isFromSpamSource(candidate.authorEmail, links, rules)) flags.add('known-spam-source');
  if (containsTerm(text, rules.suspectTerms)) flags.add('suspect-term');
  spamClasses(candidate.body, text, links).forEach((flag) => flags.add(flag));
  // The learned filter and Akismet are the last layers: they name what the rules did not already call spam.
  if (![...flags].some(isSpamFlag)) {
    const learned = signals.learned?.probability ?? 0;
    if (learned >= rules.classifier.spamThreshold) flags.add('spam:learned');
    else if (learned >= rules.classifier.reviewThreshold) flags.add('spam-likely');
    if (signals.akismet) flags.add('spam:akismet');
  }

  findPersonalDetails(candidate.body, rules.phoneRegions as CountryCode[]).forEach((flag) => flags.add(flag));
  findSensitiveTopics(text).forEach((flag) => flags.add(flag));
  findCrisis(text).flags.forEach((flag) => flags.add(flag));
  if (rules.crisisTerms.length > 0 && containsTerm(text, rules.crisisTerms)) flags.add('crisis').add('crisis:ideation');
  return [...flags];
};

export const moderate = (candidate: CommentCandidate, standing: AuthorStanding, rules: ModerationRules, signals: SpamSignals = {}): Verdict =>
  decide(computeFlags(candidate, standing, rules, signals), standing);

/** Identifies "the same comment again" across spacing, case, accents and disguises. */
export const contentHash = (body: string) => createHash('sha256').update(normalise(body).joined).digest('hex');

export type { AuthorStanding, SpamScore, Verdict };
export { decide };
