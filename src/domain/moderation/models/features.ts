import { listMatcher } from '../lexicon/compiled';
import { type NormalisedText, views } from '../text/normalise';

/**
 * The learned models' features: the comment's words, word pairs and triples, the letter sequences (3 to 5 letters)
 * inside each word, and which lexicon lists matched (so the model learns how much a "means" or a "timing" phrase
 * says on its own, and the lexicons' knowledge reaches languages and phrasings they do not list), hashed into a
 * fixed number of slots. Letter sequences carry meaning across spellings, inflections and related languages
 * ("morir", "morrer", "mourir"; "disappear", "disparaître"), which word lists cannot.
 */
export const FEATURE_BITS = 18;
const SLOTS = 1 << FEATURE_BITS;
const MASK = SLOTS - 1;
const GRAMS = [3, 4, 5];
/** The lexicon lists read as features, and how many slots each match fills (its say against the words'). */
const LEXICON_FEATURES = [
  ...['ideation', 'indirect', 'plan', 'means', 'timing', 'goodbye', 'selfHarm', 'thirdParty', 'slang', 'loss', 'recovered', 'idioms'].map((list) => ['crisis', list] as const),
  ...['death', 'harm', 'medication', 'diagnosis'].map((list) => ['sensitive', list] as const),
];
const LEXICON_WEIGHT = 4;
const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;

/** FNV-1a, 32 bits: fast, stable across runs and Node versions. */
const hash = (text: string): number => {
  let value = 0x811c9dc5;
  for (let index = 0; index < text.length; index += 1) {
    value ^= text.charCodeAt(index);
    value = Math.imul(value, 0x01000193);
  }
  return value >>> 0;
};

export interface Features {
  /** Slot indexes, each once. */
  slots: Int32Array;
  /** The value of each slot (1/√n: the vector has length 1). */
  value: number;
  /** Per word of the text, the slots that came from it (for explaining a score). */
  byWord: Map<string, number[]>;
}

/** A long comment is read in full, but each distinct word counts once. */
export const featuresOf = (text: NormalisedText): Features => {
  const words = text.joined.split(' ').filter((word) => word !== '' && word !== '~');
  const slots = new Set<number>();
  const byWord = new Map<string, number[]>();
  const add = (owner: string, feature: string) => {
    const slot = hash(feature) & MASK;
    slots.add(slot);
    byWord.get(owner)!.push(slot);
  };
  words.forEach((word, index) => {
    const first = !byWord.has(word);
    if (first) byWord.set(word, []);
    if (index > 0) add(word, `b:${words[index - 1]} ${word}`);
    if (index > 1) add(word, `t:${words[index - 2]} ${words[index - 1]} ${word}`);
    if (!first) return;
    add(word, `w:${word}`);
    const padded = `^${word}$`;
    for (const size of GRAMS) for (let start = 0; start + size <= padded.length; start += 1) add(word, `c:${padded.slice(start, start + size)}`);
    // Chinese, Japanese and Korean are written without spaces between words: their characters and pairs of
    // characters are the words.
    if (UNSPACED.test(word)) for (const size of [1, 2]) for (let start = 0; start + size <= word.length; start += 1) add(word, `h:${word.slice(start, start + size)}`);
  });
  const all = views(text);
  for (const [kind, list] of LEXICON_FEATURES) {
    if (!all.some((view) => listMatcher(kind, list).find(view).length > 0)) continue;
    for (let copy = 0; copy < LEXICON_WEIGHT; copy += 1) slots.add(hash(`l${copy}:${kind}.${list}`) & MASK);
  }
  return { slots: Int32Array.from(slots), value: slots.size === 0 ? 0 : 1 / Math.sqrt(slots.size), byWord };
};

export const FEATURE_SLOTS = SLOTS;
