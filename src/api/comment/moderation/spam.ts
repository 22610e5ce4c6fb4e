import { domainOf } from './links';
import { normalise, type NormalisedText, views } from './normalise';
import { compile } from './patterns';

/** The spam rules: blocked and suspect terms, generic praise, known spam sources. */

export interface SpamRules {
  blockedTerms: string[];
  suspectTerms: string[];
  praiseTerms: string[];
  spamEmails: string[];
  spamDomains: string[];
}

const matchers = new Map<string, ReturnType<typeof compile>>();
/** True when any view of the text contains one of `terms` (lexicon patterns), compiled once per list. */
export const containsTerm = (text: NormalisedText, terms: string[]): boolean => {
  if (terms.length === 0) return false;
  const key = terms.join('\n');
  let matcher = matchers.get(key);
  if (!matcher) matchers.set(key, (matcher = compile(terms)));
  return views(text).some((view) => matcher.find(view).length > 0);
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
 * Generic praise: a praise word, no question, nobody speaking for themselves, and nothing beyond a restatement of
 * the article ("Insightful comparison! Highlights support vs therapy in mental health guidance.").
 */
export const isGenericPraise = (raw: string, text: NormalisedText, articleTitle: string | undefined, praiseTerms: string[]): boolean => {
  if (!containsTerm(text, praiseTerms) || raw.includes('?') || FIRST_PERSON.test(text.words)) return false;
  const count = text.words.split(' ').length;
  if (count > 25) return false;
  if (count <= 8) return true;
  const titleWords = contentWords(normalise(articleTitle ?? '').words);
  return [...contentWords(text.words)].some((word) => titleWords.has(word));
};
