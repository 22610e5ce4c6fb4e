import { createHash } from 'crypto';
import type { Core } from '@strapi/strapi';

/**
 * The moderation rules. Everything above the service factory is pure: it normalises a comment's text, raises
 * named flags and decides status and priority, so it is unit-tested without Strapi.
 */

export type ModerationStatus = 'pending' | 'approved' | 'rejected' | 'spam';
export type Priority = 'normal' | 'urgent';

export const SPAM_FLAGS = [
  'honeypot',
  'blocked-term',
  'too-many-links',
  'generic-praise',
  'duplicate',
  'known-spam-source',
] as const;
export const REVIEW_FLAGS = ['link', 'suspect-term', 'phone-number', 'email-address', 'street-address', 'crisis'] as const;
export type Flag = (typeof SPAM_FLAGS)[number] | (typeof REVIEW_FLAGS)[number];

export interface ModerationRules {
  maxLinks: number;
  blockedTerms: string[];
  suspectTerms: string[];
  praiseTerms: string[];
  crisisPatterns: string[];
  spamEmails: string[];
  spamDomains: string[];
}

export interface CommentCandidate {
  body: string;
  authorEmail: string;
  /** A form field people never see; bots fill it in. */
  honeypot?: string;
  /** The article's title (and topic names): generic praise restates it. */
  articleTitle?: string;
}

export interface AuthorHistory {
  /** An earlier comment has the same normalised text. */
  isDuplicate: boolean;
  /** The author's email already has an approved comment. */
  hasApprovedComment: boolean;
}

export interface Verdict {
  flags: Flag[];
  moderationStatus: ModerationStatus;
  priority: Priority;
}

const LEET: Record<string, string> = { '0': 'o', '1': 'i', '3': 'e', '4': 'a', '5': 's', '7': 't', '@': 'a', $: 's' };

/** Lower case, accents and typographic quotes folded, white space collapsed. */
export const normalise = (text: string): string =>
  text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[‘’‛`´]/g, "'")
    .replace(/[“”„]/g, '"')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();

const unLeet = (text: string) => text.replace(/[013457@$]/g, (char) => LEET[char]);

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** True when `text` contains one of `terms` as whole words, directly or through character swaps. */
export const containsTerm = (text: string, terms: string[]): boolean => {
  if (terms.length === 0) return false;
  const pattern = new RegExp(`(^|[^\\p{L}\\p{N}])(${terms.map((term) => escapeRegExp(normalise(term))).join('|')})(?=$|[^\\p{L}\\p{N}])`, 'u');
  return pattern.test(text) || pattern.test(unLeet(text));
};

const EMAIL = /[a-z0-9._%+-]+@[a-z0-9.-]+\.[a-z]{2,}/gi;
const URL = /\b(?:https?:\/\/|www\.)[^\s<>"]+|\b[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:com|net|org|info|biz|io|co|ru|xyz|top|online|site|shop|club|link|click)\b(?:\/[^\s<>"]*)?/gi;
// North American and international numbers: at least 9 digits, optionally grouped by spaces, dots, dashes, brackets.
const PHONE = /(?:\+?\d{1,3}[\s.-]?)?(?:\(\d{2,4}\)|\d{2,4})[\s.-]?\d{3,4}[\s.-]?\d{3,4}\b/;
const STREET =
  /\b\d{1,5}\s+(?:[a-z0-9']+\s+){1,4}(?:street|st|avenue|ave|road|rd|boulevard|blvd|lane|ln|drive|dr|court|ct|way|place|pl|terrace|circle|parkway|highway)\b\.?/i;
const FIRST_PERSON = /\b(i|i'm|i've|i'd|i'll|me|my|mine|myself|we|our|us)\b/;
const STOP_WORDS = new Set(['the', 'and', 'for', 'with', 'what', 'whats', "what's", 'between', 'difference', 'your', 'you', 'are', 'how']);

export const findLinks = (text: string): string[] => text.replace(EMAIL, ' ').match(URL) ?? [];

const domainOf = (link: string) =>
  link
    .replace(/^https?:\/\//i, '')
    .replace(/^www\./i, '')
    .split(/[/?#:]/)[0]
    .toLowerCase();

const isFromSpamSource = (candidate: CommentCandidate, links: string[], rules: ModerationRules) => {
  const email = candidate.authorEmail.trim().toLowerCase();
  const emailDomain = email.split('@')[1] ?? '';
  const spamEmails = rules.spamEmails.map((entry) => entry.toLowerCase());
  const spamDomains = rules.spamDomains.map((entry) => entry.toLowerCase());
  const matchesDomain = (domain: string) => spamDomains.some((spam) => domain === spam || domain.endsWith(`.${spam}`));
  return spamEmails.includes(email) || matchesDomain(emailDomain) || links.some((link) => matchesDomain(domainOf(link)));
};

const contentWords = (text: string) =>
  new Set(
    text
      .split(/[^\p{L}\p{N}']+/u)
      .filter((word) => word.length > 2 && !STOP_WORDS.has(word))
      .map((word) => word.replace(/s$/, ''))
  );

/**
 * Generic praise: a praise word, no question, nobody speaking for themselves, and nothing beyond a restatement of
 * the article ("Insightful comparison! Highlights support vs therapy in mental health guidance.").
 */
export const isGenericPraise = (text: string, articleTitle: string | undefined, praiseTerms: string[]): boolean => {
  if (!containsTerm(text, praiseTerms) || text.includes('?') || FIRST_PERSON.test(text)) return false;
  const words = text.split(' ').length;
  if (words > 25) return false;
  if (words <= 8) return true;
  const titleWords = contentWords(normalise(articleTitle ?? ''));
  return [...contentWords(text)].some((word) => titleWords.has(word));
};

/** The named flags a comment raises. */
export const computeFlags = (candidate: CommentCandidate, history: AuthorHistory, rules: ModerationRules): Flag[] => {
  const text = normalise(candidate.body);
  const links = findLinks(candidate.body);
  const flags = new Set<Flag>();

  if (candidate.honeypot && candidate.honeypot.trim() !== '') flags.add('honeypot');
  if (containsTerm(text, rules.blockedTerms)) flags.add('blocked-term');
  if (links.length >= rules.maxLinks) flags.add('too-many-links');
  else if (links.length > 0) flags.add('link');
  if (isGenericPraise(text, candidate.articleTitle, rules.praiseTerms)) flags.add('generic-praise');
  if (history.isDuplicate) flags.add('duplicate');
  if (isFromSpamSource(candidate, links, rules)) flags.add('known-spam-source');

  if (containsTerm(text, rules.suspectTerms)) flags.add('suspect-term');
  if (PHONE.test(candidate.body)) flags.add('phone-number');
  if (candidate.body.match(EMAIL)) flags.add('email-address');
  if (STREET.test(candidate.body)) flags.add('street-address');
  if (rules.crisisPatterns.some((pattern) => new RegExp(pattern, 'u').test(text))) flags.add('crisis');

  return [...flags];
};

/**
 * Crisis language always reaches a person first (pending, urgent), even inside spam. Otherwise any spam flag
 * means spam; a comment is approved on its own only when its author was approved before and nothing was flagged.
 */
export const decide = (flags: Flag[], history: AuthorHistory): Verdict => {
  if (flags.includes('crisis')) return { flags, moderationStatus: 'pending', priority: 'urgent' };
  if (flags.some((flag) => (SPAM_FLAGS as readonly string[]).includes(flag))) {
    return { flags, moderationStatus: 'spam', priority: 'normal' };
  }
  if (flags.length === 0 && history.hasApprovedComment) return { flags, moderationStatus: 'approved', priority: 'normal' };
  return { flags, moderationStatus: 'pending', priority: 'normal' };
};

export const moderate = (candidate: CommentCandidate, history: AuthorHistory, rules: ModerationRules): Verdict =>
  decide(computeFlags(candidate, history, rules), history);

/** Identifies "the same comment again" across spacing, case and accents. */
export const contentHash = (body: string) => createHash('sha256').update(normalise(body)).digest('hex');

/** The pipeline with its database look-ups (duplicates, the author's history) and the rules from config/moderation.ts. */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  rules(): ModerationRules {
    return strapi.config.get('moderation') as ModerationRules;
  },

  /** Both look-ups in one round trip, each stopping at the first match (indexed: content hash; email + status). */
  async authorHistory(authorEmail: string, hash: string): Promise<AuthorHistory> {
    const table = strapi.db.metadata.get('api::comment.comment').tableName;
    const result = await strapi.db.connection.raw(
      'SELECT EXISTS (SELECT 1 FROM ?? WHERE content_hash = ?) AS duplicate, ' +
        "EXISTS (SELECT 1 FROM ?? WHERE author_email = ? AND moderation_status = 'approved') AS approved",
      [table, hash, table, authorEmail.trim().toLowerCase()]
    );
    // better-sqlite3 answers an array of rows, pg a result with `rows`; booleans come back as 0/1 or true/false.
    const [row] = (Array.isArray(result) ? result : result.rows) as Array<{ duplicate: unknown; approved: unknown }>;
    return { isDuplicate: Boolean(Number(row.duplicate)), hasApprovedComment: Boolean(Number(row.approved)) };
  },

  async evaluate(candidate: CommentCandidate): Promise<Verdict & { contentHash: string }> {
    const hash = contentHash(candidate.body);
    const history = await this.authorHistory(candidate.authorEmail, hash);
    return { ...moderate(candidate, history, this.rules()), contentHash: hash };
  },
});
