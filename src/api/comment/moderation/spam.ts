import { spamLexicons } from '../lexicons/spam';
import type { SpamLexicon } from '../lexicons/types';
import { domainOf } from './links';
import { normalise, type NormalisedText, views } from './normalise';
import { compile, type Matcher } from './patterns';

/**
 * The spam rules: commercial classes from the lexicons of every language (`spam:pharma`, `spam:crypto`...), a
 * commercial word with a link, praise bots post, configured blocked and suspect terms, known spam sources.
 */
export interface SpamRules {
  blockedTerms: string[];
  suspectTerms: string[];
  praiseTerms: string[];
  spamEmails: string[];
  spamDomains: string[];
}

const CLASSES = ['gambling', 'crypto', 'seo', 'loans', 'adult', 'fraud'] as const;
/** An amount of money or a percentage ("$300", "500 eur", "2 %"); the words view keeps digits and `%`. */
const CURRENCY = /[$€£¥₹]\s?\d|\d\s?[$€£¥₹]/u;
const MONEY = /\b\d[\d ]*(?:%|k\b)|\b(?:usd|eur|euros?|dollars?|reais|pounds?|gbp)\b/;
type Key = keyof SpamLexicon;

const matchers = new Map<string, Matcher>();
const matcherFor = (key: string, patterns: () => string[]) => {
  let matcher = matchers.get(key);
  if (!matcher) matchers.set(key, (matcher = compile(patterns())));
  return matcher;
};
const lexicon = (key: Key) => matcherFor(`lexicon:${key}`, () => Object.values(spamLexicons).flatMap((entry) => entry[key]));
const has = (text: NormalisedText, matcher: Matcher) => views(text).some((view) => matcher.find(view).length > 0);

/** True when any view of the text contains one of `terms` (lexicon patterns), compiled once per list. */
export const containsTerm = (text: NormalisedText, terms: string[]): boolean => terms.length > 0 && has(text, matcherFor(terms.join('\n'), () => terms));

/** The commercial classes a comment falls in, as flags. */
export const spamClasses = (raw: string, text: NormalisedText, links: string[]): string[] => {
  const flags = CLASSES.filter((key) => has(text, lexicon(key))).map((key) => `spam:${key}`);
  if (has(text, lexicon('pharma')) && has(text, lexicon('buying'))) flags.push('spam:pharma');
  const commercial = has(text, lexicon('commercial')) || has(text, lexicon('buying')) || MONEY.test(text.words) || CURRENCY.test(raw);
  if (links.length > 0 && has(text, lexicon('commercial'))) flags.push('commercial-link');
  // Money, prices and selling words alone only keep a comment from auto-approval: a person looks first.
  else if (flags.length === 0 && commercial) flags.push('commercial');
  return flags;
};

export const isFromSpamSource = (authorEmail: string, links: string[], rules: SpamRules) => {
  const email = authorEmail.trim().toLowerCase();
  const emailDomain = email.split('@')[1] ?? '';
  const spamEmails = rules.spamEmails.map((entry) => entry.toLowerCase());
  const spamDomains = rules.spamDomains.map((entry) => entry.toLowerCase());
  const matchesDomain = (domain: string) => spamDomains.some((spam) => domain === spam || domain.endsWith(`.${spam}`));
  return spamEmails.includes(email) || matchesDomain(emailDomain) || links.some((link) => matchesDomain(domainOf(link)));
};

const FIRST_PERSON = /\b(i|im|ive|id|ill|me|my|mine|myself|we|our|us)\b/;
const STOP_WORDS = new Set(['the', 'and', 'for', 'with', 'what', 'whats', 'between', 'diference', 'your', 'you', 'are', 'how']);

const contentWords = (text: string) =>
  new Set(
    text
      .split(' ')
      .filter((word) => word.length > 2 && !STOP_WORDS.has(word))
      .map((word) => word.replace(/s$/, ''))
  );

/**
 * Generic praise, the kind bots post, with or without "I": praise of the blog, the site or the admin, or a
 * short compliment that only restates the article. A thank-you that says something concrete (a group, a day, an
 * action, the reader's own situation) is never generic.
 */
export const isGenericPraise = (raw: string, text: NormalisedText, articleTitle: string | undefined, praiseTerms: string[]): boolean => {
  if (has(text, lexicon('concrete'))) return false;
  if (has(text, lexicon('praise'))) return true;
  if (!containsTerm(text, praiseTerms) || raw.includes('?') || FIRST_PERSON.test(text.words)) return false;
  const count = text.words.split(' ').length;
  if (count > 25) return false;
  if (count <= 8) return true;
  const titleWords = contentWords(normalise(articleTitle ?? '').words);
  return [...contentWords(text.words)].some((word) => titleWords.has(word));
};
