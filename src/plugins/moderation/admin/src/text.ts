/** Folded as the server's rules fold text: case, accents, apostrophes and repeated letters do not matter. */
export const fold = (word: string) =>
  word
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/['’]/g, '')
    .replace(/(\p{L})\1+/gu, '$1');

const WORD = /[\p{L}\p{N}'’]+/gu;

/**
 * A phrase the server matched on folded text, as it is written in `text` ("in your last sesion" is "in your last
 * session" there); null when it cannot be found word for word.
 */
export const asWritten = (text: string, phrase: string): string | null => {
  const words = [...text.matchAll(WORD)].map((match) => ({ folded: fold(match[0]), start: match.index, end: match.index + match[0].length }));
  const wanted = phrase.split(/\s+/).map(fold).filter(Boolean);
  if (wanted.length === 0) return null;
  for (let first = 0; first + wanted.length <= words.length; first += 1) {
    if (wanted.every((word, offset) => words[first + offset].folded === word)) return text.slice(words[first].start, words[first + wanted.length - 1].end);
  }
  return null;
};
