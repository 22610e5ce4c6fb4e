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

const WORD_CHAR = /[\p{L}\p{N}*]/u;
const NOT_BEFORE = '(?![\\p{L}\\p{N}*])';

const wholeWords = (patterns: Pattern[], starred: boolean) =>
  new RegExp(`(?<![\\p{L}\\p{N}*])(?:${patterns.map((pattern) => patternSource(pattern, starred)).join('|')})${NOT_BEFORE}`, 'gu');

/** The characters (UTF-16 units) a pattern's match can start with; null when it could start with anything. */
type Firsts = Set<string> | null;
const union = (a: Firsts, b: Firsts): Firsts => (a === null || b === null ? null : new Set([...a, ...b]));
const DIGITS = new Set('0123456789');

const wordFirsts = (raw: string): Firsts => {
  const stem = raw.endsWith('*') ? raw.slice(0, -1) : raw;
  if (stem.startsWith('#')) return DIGITS;
  const first = normaliseTerm(stem.split('#')[0])[0];
  return first ? new Set([first]) : null;
};

/** What a sequence (up to `)`, `|` or the end) can start with: its items' up to the first one that is required. */
const sequenceFirsts = (tokens: Token[], at: { index: number }): Firsts => {
  let firsts: Firsts = new Set();
  let settled = false;
  while (at.index < tokens.length) {
    const token = tokens[at.index];
    if (token.kind === 'close' || token.kind === 'or') break;
    at.index += 1;
    if (token.kind === 'optional') continue; // the item before it was counted as possibly empty below
    if (settled) {
      if (token.kind === 'open') groupFirsts(tokens, at);
      continue;
    }
    firsts = union(firsts, token.kind === 'word' ? wordFirsts(token.text) : token.kind === 'gap' ? null : groupFirsts(tokens, at));
    // Settled by a required item; an optional one (`?` next) lets the following item start the match too.
    if (tokens[at.index]?.kind !== 'optional' && token.kind !== 'gap') settled = true;
  }
  return firsts;
};

const groupFirsts = (tokens: Token[], at: { index: number }): Firsts => {
  let firsts = sequenceFirsts(tokens, at);
  while (tokens[at.index]?.kind === 'or') {
    at.index += 1;
    firsts = union(firsts, sequenceFirsts(tokens, at));
  }
  at.index += 1; // the `)`
  return firsts;
};

export const patternFirsts = (pattern: Pattern): Firsts => sequenceFirsts(tokenize(pattern), { index: 0 });

type Found = Array<{ index: number; text: string }>;

/**
 * The plain (unstarred) matches of many patterns, fast: only the patterns that can start with the character at a
 * word start are tried there (one sticky expression per first character), instead of every alternative at every
 * word start. It finds exactly what the single expression `wholeWords(patterns, false)` finds: the same
 * positions, the same first alternative, left to right without overlaps.
 */
const byFirstCharacter = (patterns: Pattern[]): ((text: string) => Found) => {
  const entries = patterns.map((pattern) => ({ source: patternSource(pattern, false), firsts: patternFirsts(pattern) }));
  const sticky = (list: typeof entries) => (list.length > 0 ? new RegExp(`(?:${list.map((entry) => entry.source).join('|')})${NOT_BEFORE}`, 'uy') : undefined);
  const characters = new Set(entries.flatMap((entry) => (entry.firsts ? [...entry.firsts] : [])));
  const starting = new Map([...characters].map((character) => [character, sticky(entries.filter((entry) => entry.firsts === null || entry.firsts.has(character)))]));
  const anyStart = sticky(entries.filter((entry) => entry.firsts === null));
  return (text) => {
    const found: Found = [];
    let index = 0;
    let afterWordCharacter = false;
    while (index < text.length) {
      const character = String.fromCodePoint(text.codePointAt(index)!);
      const regex = afterWordCharacter ? undefined : starting.get(text[index]) ?? anyStart;
      if (regex) {
        regex.lastIndex = index;
        const match = regex.exec(text);
        if (match && match[0].length > 0) {
          found.push({ index, text: match[0] });
          index += match[0].length;
          afterWordCharacter = WORD_CHAR.test([...match[0]].pop()!);
          continue;
        }
      }
      afterWordCharacter = WORD_CHAR.test(character);
      index += character.length;
    }
    return found;
  };
};

/**
 * Matches for a text: the fast plain matcher, unless the text has a `*`, when the starred expression is compiled
 * (once, on first need) and used.
 */
const forText = (patterns: Pattern[]) => {
  const plain = byFirstCharacter(patterns);
  let starred: RegExp | undefined;
  return (text: string): Found =>
    text.includes('*') ? [...text.matchAll((starred ??= wholeWords(patterns, true)))].map((match) => ({ index: match.index, text: match[0] })) : plain(text);
};

const NOTHING: Matcher = { find: () => [] };

/** One matcher for a list of patterns: whole words, any of them. */
export const compile = (patterns: Pattern[]): Matcher => {
  if (patterns.length === 0) return NOTHING;
  const matchesIn = forText(patterns);
  return { find: (text) => matchesIn(text).map((match) => match.text) };
};

/** The single expression over every pattern (the reference the fast matcher is tested against). */
export const compileReference = (patterns: Pattern[]): Matcher => {
  const regex = wholeWords(patterns, false);
  return { find: (text) => [...text.matchAll(regex)].map((match) => match[0]) };
};

/** A function that removes every match of `patterns` from a text (idioms and pasts before crisis matching). */
export const compileMask = (patterns: Pattern[]): ((text: string) => string) => {
  if (patterns.length === 0) return (text) => text;
  const matchesIn = forText(patterns);
  return (text) => {
    let masked = '';
    let at = 0;
    for (const match of matchesIn(text)) {
      masked += `${text.slice(at, match.index)} ~ `;
      at = match.index + match.text.length;
    }
    return masked + text.slice(at);
  };
};
