import { type NormalisedText, views } from '../text/normalise';
import { allLanguages, lexicons, type LexiconKind } from './index';
import { compile, type Matcher } from './matcher';

/**
 * Compiled matchers, one per list (of every language at once) and per list of extra terms, made on first use and
 * kept while the lexicons stay the same.
 */
const byList = new WeakMap<object, Map<string, Matcher>>();

const cached = (key: string, patterns: () => string[]): Matcher => {
  const set = lexicons();
  let matchers = byList.get(set);
  if (!matchers) byList.set(set, (matchers = new Map()));
  let matcher = matchers.get(key);
  if (!matcher) matchers.set(key, (matcher = compile(patterns())));
  return matcher;
};

/** One list (or several as one) of a lexicon kind, every language at once. */
export const listMatcher = (kind: LexiconKind, ...lists: string[]): Matcher =>
  cached(`${kind}.${lists.join('+')}`, () => lists.flatMap((list) => allLanguages(lexicons(), kind, list)));

/** A list of patterns from elsewhere (the environment's extra terms). */
export const termsMatcher = (terms: readonly string[]): Matcher => cached(`terms:${terms.join('\n')}`, () => [...terms]);

/** True when any view of the text has a match. */
export const hasMatch = (text: NormalisedText, matcher: Matcher): boolean => views(text).some((view) => matcher.find(view).length > 0);
