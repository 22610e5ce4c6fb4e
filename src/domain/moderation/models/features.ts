import type { NormalisedText } from '../text/normalise';

/**
 * The crisis model's features: the comment's words, word pairs and the letter sequences (3 to 5 letters) inside
 * each word, hashed into a fixed number of slots. Letter sequences carry meaning across spellings, inflections and
 * related languages ("morir", "morrer", "mourir"; "disappear", "disparaître"), which word lists cannot.
 */
export const FEATURE_BITS = 18;
const SLOTS = 1 << FEATURE_BITS;
const MASK = SLOTS - 1;
const GRAMS = [3, 4, 5];

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
    if (!first) return;
    add(word, `w:${word}`);
    const padded = `^${word}$`;
    for (const size of GRAMS) for (let start = 0; start + size <= padded.length; start += 1) add(word, `c:${padded.slice(start, start + size)}`);
  });
  return { slots: Int32Array.from(slots), value: slots.size === 0 ? 0 : 1 / Math.sqrt(slots.size), byWord };
};

export const FEATURE_SLOTS = SLOTS;
