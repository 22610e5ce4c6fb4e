import { detectAll } from 'tinyld';
import type { DetectedLanguage } from '../types';

/**
 * The language a comment is written in (tinyld), read from its words without links, addresses and numbers.
 * Too few letters to tell: `und`. A comment whose best guess is a language the lexicons do not read, but where a
 * covered one is nearly as likely (at least 80% of the best guess's accuracy), counts as that covered language.
 */
const STRIP = /https?:\/\/\S+|www\.\S+|\S+@\S+|[\d\p{P}\p{S}]+/gu;
const MIN_LETTERS = 12;
/** Enough words to tell a language; the rest of a long comment would only cost time. */
const SAMPLE = 600;

export const detectLanguage = (raw: string, covered: readonly string[]): DetectedLanguage => {
  const text = raw.slice(0, SAMPLE * 2).replace(STRIP, ' ').replace(/\s+/g, ' ').trim().slice(0, SAMPLE);
  if ((text.match(/\p{L}/gu) ?? []).length < MIN_LETTERS) return { code: 'und', confidence: 0, covered: false };
  const [best, ...others] = detectAll(text);
  if (!best) return { code: 'und', confidence: 0, covered: false };
  const close = others.find((other) => covered.includes(other.lang) && other.accuracy >= best.accuracy * 0.8);
  const code = covered.includes(best.lang) ? best.lang : (close?.lang ?? best.lang);
  return { code, confidence: Math.round(best.accuracy * 1000) / 1000, covered: covered.includes(code) };
};
