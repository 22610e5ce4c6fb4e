import fs from 'fs';
import path from 'path';
import { crisisLexicons } from '../../src/api/comment/lexicons/crisis';
import { personalLexicons } from '../../src/api/comment/lexicons/personal';
import { sensitiveLexicons } from '../../src/api/comment/lexicons/sensitive';
import { spamLexicons } from '../../src/api/comment/lexicons/spam';
import { normalise, normaliseTerm, views } from '../../src/api/comment/moderation/normalise';
import { compile, compileMask, compileReference, patternFirsts } from '../../src/api/comment/moderation/patterns';

/**
 * The matcher tries at each word start only the patterns that can begin with its letter. It must find exactly
 * what one expression over every pattern finds: the same phrases, in the same order, for every list of every
 * lexicon, over the labelled corpus and over random texts made of the lexicons' own words.
 */

type Lists = Record<string, string[]>;
/** Lists the rules compile (some lists, such as the spellings of "@", are pieces of other expressions: no words). */
const hasWords = (pattern: string) => normaliseTerm(pattern.replace(/[()|?*#]|\.\./g, ' ')).trim() !== '';
const listsOf = (lexicons: Record<string, object>): Lists => {
  const lists: Lists = {};
  for (const [language, lexicon] of Object.entries(lexicons)) {
    for (const [key, value] of Object.entries(lexicon)) {
      if (Array.isArray(value) && value.length > 0 && value.every((item) => typeof item === 'string' && hasWords(item))) lists[`${language}.${key}`] = value as string[];
    }
  }
  return lists;
};
const LISTS: Lists = { ...listsOf(crisisLexicons), ...listsOf(personalLexicons), ...listsOf(sensitiveLexicons), ...listsOf(spamLexicons) };
// Every language at once too, as the crisis rules read them.
for (const key of Object.keys(Object.values(crisisLexicons)[0])) {
  LISTS[`all.${key}`] = Object.values(crisisLexicons).flatMap((lexicon) => lexicon[key as keyof typeof lexicon] as string[]);
}

const corpusDir = path.join(__dirname, '../fixtures/moderation-corpus');
const corpus = fs
  .readdirSync(corpusDir)
  .flatMap((file) => fs.readFileSync(path.join(corpusDir, file), 'utf8').trim().split('\n'))
  .map((line) => (JSON.parse(line) as { text: string }).text)
  .filter((text) => !text.includes('*')); // starred texts take the single expression itself

/** A deterministic pseudo-random generator (mulberry32), so a failure can be replayed. */
const random = (seed: number) => () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};

/** One text a pattern matches: an alternative of each group, optional parts at random, gaps of a word or two. */
const instance = (pattern: string, next: () => number): string => {
  const tokens = pattern.replace(/\.\./g, ' .. ').replace(/([()|?])/g, ' $1 ').split(/\s+/).filter(Boolean);
  let index = 0;
  const sequence = (): string[] => {
    const out: string[] = [];
    while (index < tokens.length && tokens[index] !== ')' && tokens[index] !== '|') {
      const token = tokens[index++];
      let part: string[];
      if (token === '(') {
        const alternatives = [sequence()];
        while (tokens[index] === '|') {
          index += 1;
          alternatives.push(sequence());
        }
        index += 1; // ')'
        part = alternatives[Math.floor(next() * alternatives.length)];
      } else if (token === '..') part = next() < 0.5 ? [] : ['really'];
      else part = [token.replace(/\*$/, next() < 0.5 ? '' : 'ing').replace(/#/g, String(Math.floor(next() * 90) + 1))];
      if (tokens[index] === '?') {
        index += 1;
        if (next() < 0.5) part = [];
      }
      out.push(...part);
    }
    return out;
  };
  return sequence().join(' ');
};

const soup = (words: string[], next: () => number, length: number) =>
  Array.from({ length }, () => {
    const roll = next();
    if (roll < 0.08) return String(Math.floor(next() * 500));
    if (roll < 0.12) return ['.', ',', '!', '?', '-', "'"][Math.floor(next() * 6)];
    return words[Math.floor(next() * words.length)];
  }).join(' ');

const compiled = new Map<string, { fast: ReturnType<typeof compile>; reference: ReturnType<typeof compileReference> }>();
const matchers = (key: string) => {
  if (!compiled.has(key)) compiled.set(key, { fast: compile(LISTS[key]), reference: compileReference(LISTS[key]) });
  return compiled.get(key)!;
};
const corpusViews = corpus.flatMap((text) => views(normalise(text)));

describe('the first-letter matcher', () => {
  it('knows where every lexicon pattern can start', () => {
    const unknown = Object.values(LISTS)
      .flat()
      .filter((pattern) => patternFirsts(pattern) === null);
    // Patterns that could start anywhere are tried everywhere (correct, only slower): none are expected.
    expect(unknown).toEqual([]);
  });

  it.each(Object.keys(LISTS))('%s: finds what the single expression finds, over the labelled corpus', (key) => {
    const { fast, reference } = matchers(key);
    const differing = corpusViews.filter((view) => JSON.stringify(fast.find(view)) !== JSON.stringify(reference.find(view)));
    expect(differing.map((view) => ({ view, fast: fast.find(view), reference: reference.find(view) }))).toEqual([]);
  });

  it.each(Object.keys(LISTS))('%s: finds what the single expression finds, over random texts of its own words', (key) => {
    const patterns = LISTS[key];
    const words = [...new Set(patterns.flatMap((pattern) => pattern.replace(/[()|?]|\.\./g, ' ').replace(/\*/g, 'ing').replace(/#/g, '7').split(/\s+/)))].filter(Boolean);
    const next = random(key.length * 7919);
    const { fast, reference } = matchers(key);
    let found = 0;
    for (let round = 0; round < 60; round += 1) {
      const planted = Array.from({ length: 1 + Math.floor(next() * 2) }, () => instance(patterns[Math.floor(next() * patterns.length)], next));
      const view = normalise([soup(words, next, Math.floor(next() * 12)), planted[0], soup(words, next, Math.floor(next() * 12)), planted[1] ?? ''].join(' ')).words;
      const expected = reference.find(view);
      found += expected.length;
      expect(fast.find(view)).toEqual(expected);
    }
    // The texts are made to contain matches: a comparison of empty answers alone would prove nothing.
    expect(found).toBeGreaterThan(0);
  });

  it('masks exactly what it finds', () => {
    const patterns = LISTS['all.idioms'];
    const mask = compileMask(patterns);
    const view = normalise('you killed it with this article, honestly I could die laughing').words;
    const masked = mask(view);
    expect(masked).toContain(' ~ ');
    expect(compileReference(patterns).find(masked)).toEqual([]);
  });
});
