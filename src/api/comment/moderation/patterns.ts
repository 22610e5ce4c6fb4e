import type { Pattern } from '../lexicons/types';
import { normaliseTerm } from './normalise';

/**
 * Compiles lexicon patterns (syntax in `../lexicons/types.ts`) into one regular expression over normalised text.
 * A letter of a pattern also matches `*`, so starred spellings ("su*cide", "k*ll") are found.
 */

type Token = { kind: 'word'; text: string } | { kind: 'open' | 'close' | 'or' | 'optional' | 'gap' };

const tokenize = (pattern: string): Token[] => {
  const tokens: Token[] = [];
  const source = pattern.trim();
  let index = 0;
  while (index < source.length) {
    const char = source[index];
    if (/\s/.test(char)) index += 1;
    else if (source.startsWith('..', index)) {
      tokens.push({ kind: 'gap' });
      index += 2;
    } else if (char === '(' || char === ')' || char === '|' || char === '?') {
      tokens.push({ kind: ({ '(': 'open', ')': 'close', '|': 'or', '?': 'optional' } as const)[char] });
      index += 1;
    } else {
      const word = /^[^\s()|?]+/.exec(source.slice(index))![0].replace(/\.\.$/, '');
      tokens.push({ kind: 'word', text: word });
      index += word.length;
    }
  }
  return tokens;
};

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** One word: its letters (each may be starred out when `starred`), then any ending when it ends in `*`. */
const wordSource = (raw: string, starred: boolean): string => {
  const prefix = raw.endsWith('*');
  const stem = prefix ? raw.slice(0, -1) : raw;
  // `#` stands for a number ("# mg", "#mg"): the parts around it are words of their own.
  if (stem.includes('#')) return stem.split('#').map((part) => (part ? wordSource(part, starred) : '\\d+')).join('') + (prefix ? '\\p{L}*' : '');
  const normalised = normaliseTerm(stem);
  if (!starred) return `${escape(normalised)}${prefix ? '\\p{L}*' : ''}`;
  const letters = [...normalised]
    .map((char) => (char === ' ' ? ' ' : /\p{L}/u.test(char) ? `[${escape(char)}*]` : escape(char)))
    .join('');
  // A starred-out word still needs one real letter ("*** myself" is not "kill myself").
  const guard = /\p{L}/u.test(normalised) ? '(?=\\**\\p{L})' : '';
  return `${guard}${letters}${prefix ? '[\\p{L}*]*' : ''}`;
};

interface Item {
  source: string;
  optional: boolean;
  gap: boolean;
}

/** A sequence of items up to `)` or `|`, as regex source with single spaces between words. */
const sequence = (tokens: Token[], at: { index: number }, pattern: string, starred: boolean): string => {
  const items: Item[] = [];
  while (at.index < tokens.length) {
    const token = tokens[at.index];
    if (token.kind === 'close' || token.kind === 'or') break;
    at.index += 1;
    if (token.kind === 'word') items.push({ source: wordSource(token.text, starred), optional: false, gap: false });
    else if (token.kind === 'gap') items.push({ source: '(?: [^ ]+){0,4}', optional: false, gap: true });
    else if (token.kind === 'optional') {
      if (items.length === 0) throw new Error(`Lexicon pattern "${pattern}": "?" follows nothing`);
      items[items.length - 1].optional = true;
    } else if (token.kind === 'open') {
      const alternatives = [sequence(tokens, at, pattern, starred)];
      while (tokens[at.index]?.kind === 'or') {
        at.index += 1;
        alternatives.push(sequence(tokens, at, pattern, starred));
      }
      if (tokens[at.index]?.kind !== 'close') throw new Error(`Lexicon pattern "${pattern}": missing ")"`);
      at.index += 1;
      items.push({ source: `(?:${alternatives.join('|')})`, optional: false, gap: false });
    }
  }
  const words = items.filter((item) => !item.gap);
  if (words.length === 0 || words.every((item) => item.optional)) throw new Error(`Lexicon pattern "${pattern}" matches nothing`);
  return items
    .map((item, position) => {
      if (item.gap) return item.source;
      const first = items.slice(0, position).every((earlier) => earlier.optional);
      if (first) return item.optional ? `(?:${item.source} )?` : item.source;
      return item.optional ? `(?: ${item.source})?` : ` ${item.source}`;
    })
    .join('');
};

/** The regular expression source of one pattern; `starred` lets every letter also match `*` ("su*cide"). */
export const patternSource = (pattern: Pattern, starred = false): string => {
  const tokens = tokenize(pattern);
  const at = { index: 0 };
  const source = sequence(tokens, at, pattern, starred);
  if (at.index !== tokens.length) throw new Error(`Lexicon pattern "${pattern}": unexpected "${tokens[at.index].kind}"`);
  return source;
};

export interface Matcher {
  /** The matched phrases in `text` (normalised), or none. */
  find(text: string): string[];
}

const wholeWords = (patterns: Pattern[], starred: boolean) =>
  new RegExp(`(?<![\\p{L}\\p{N}*])(?:${patterns.map((pattern) => patternSource(pattern, starred)).join('|')})(?![\\p{L}\\p{N}*])`, 'gu');

/**
 * The regular expression for a text: plain letters (fast) unless the text has a `*`, when the starred form is
 * compiled (once, on first need).
 */
const forText = (patterns: Pattern[]) => {
  const plain = wholeWords(patterns, false);
  let starred: RegExp | undefined;
  return (text: string) => (text.includes('*') ? (starred ??= wholeWords(patterns, true)) : plain);
};

const NOTHING: Matcher = { find: () => [] };

/** One matcher for a list of patterns: whole words, any of them. */
export const compile = (patterns: Pattern[]): Matcher => {
  if (patterns.length === 0) return NOTHING;
  const regexFor = forText(patterns);
  return { find: (text) => [...text.matchAll(regexFor(text))].map((match) => match[0]) };
};

/** A function that removes every match of `patterns` from a text (idioms and pasts before crisis matching). */
export const compileMask = (patterns: Pattern[]): ((text: string) => string) => {
  if (patterns.length === 0) return (text) => text;
  const regexFor = forText(patterns);
  return (text) => text.replace(regexFor(text), ' ~ ');
};
