import { hasMatch, listMatcher, termsMatcher } from '../lexicon/compiled';
import { fold, normalise, type NormalisedText } from '../text/normalise';
import type { Flag, Phase } from '../types';

/**
 * The spam rules: commercial classes from the lexicons (`spam:pharma`, `spam:crypto`...), blocked and suspect terms
 * (lexicons and the environment), a commercial pitch with a link, the generic praise bots post.
 */
const CLASSES = ['gambling', 'crypto', 'seo', 'loans', 'adult', 'fraud'] as const;
/** An amount of money or a percentage ("$300", "500 eur", "2 %"); the words view keeps digits and `%`. */
const CURRENCY = /[$€£¥₹]\s?\d|\d\s?[$€£¥₹]/u;
const MONEY = /\b\d[\d ]*(?:%|k\b)|\b(?:usd|eur|euros?|dollars?|reais|pounds?|gbp)\b/;
const FIRST_PERSON = /\b(i|im|ive|id|ill|me|my|mine|myself|we|our|us)\b/;
const STOP_WORDS = new Set(['the', 'and', 'for', 'with', 'what', 'whats', 'between', 'diference', 'your', 'you', 'are', 'how']);

const spam = (list: string) => listMatcher('spam', list);

const contentWords = (text: string) =>
  new Set(
    text
      .split(' ')
      .filter((word) => word.length > 2 && !STOP_WORDS.has(word))
      .map((word) => word.replace(/s$/, ''))
  );

/** A reader asking something (a question mark, or a question's opening words), not counting a restated title. */
const asksSomething = (raw: string, text: NormalisedText, articleTitle = '') => {
  const own = articleTitle ? fold(raw).split(fold(articleTitle)).join(' ') : raw;
  return own.includes('?') || own.includes('¿') || hasMatch(text, spam('question'));
};

/**
 * Generic praise, the kind bots post: praise of the blog, the site or the admin, or a short compliment that only
 * restates the article. A thank-you with something concrete in it (a group, a day, an action, the reader's own
 * situation) is a reader, and so is praise followed by a question, unless the question is about the site itself
 * ("what theme do you use?").
 */
export const isGenericPraise = (raw: string, text: NormalisedText, articleTitle: string | undefined): boolean => {
  if (hasMatch(text, spam('concrete'))) return false;
  if (hasMatch(text, spam('siteTalk'))) return true;
  if (asksSomething(raw, text, articleTitle)) return false;
  if (hasMatch(text, spam('praise'))) return true;
  if (!hasMatch(text, spam('genericPraise')) || FIRST_PERSON.test(text.words)) return false;
  const count = text.words.split(' ').length;
  if (count > 25) return false;
  if (count <= 8) return true;
  const titleWords = contentWords(normalise(articleTitle ?? '').words);
  return [...contentWords(text.words)].some((word) => titleWords.has(word));
};

export const spamRulesPhase: Phase = {
  name: 'spam-rules',
  run({ candidate, rules, text, facts }) {
    const flags: Flag[] = [];
    if (hasMatch(text, spam('blocked')) || (rules.blockedTerms.length > 0 && hasMatch(text, termsMatcher(rules.blockedTerms)))) flags.push('blocked-term');
    if (hasMatch(text, spam('suspect')) || (rules.suspectTerms.length > 0 && hasMatch(text, termsMatcher(rules.suspectTerms)))) flags.push('suspect-term');
    for (const key of CLASSES) if (hasMatch(text, spam(key))) flags.push(`spam:${key}`);
    if (hasMatch(text, spam('pharma')) && hasMatch(text, spam('buying'))) flags.push('spam:pharma');
    const classed = flags.some((flag) => flag.startsWith('spam:'));
    const commercialWords = hasMatch(text, spam('commercial'));
    const commercial = commercialWords || hasMatch(text, spam('buying')) || MONEY.test(text.words) || CURRENCY.test(candidate.body);
    if (facts.untrustedLinks.length > 0 && commercialWords) flags.push('commercial-link');
    // Money, prices and selling words alone only keep a comment from auto-approval: a person looks first.
    else if (!classed && commercial) flags.push('commercial');
    if (isGenericPraise(candidate.body, text, candidate.articleTitle)) flags.push('generic-praise');
    return { flags };
  },
};
