import unhomoglyph from 'unhomoglyph';

/**
 * One text normalisation for every moderation rule, so that a disguise defeats none of them: Unicode NFKC
 * (full-width and styled letters), invisible characters removed (zero-width, bidi controls, soft hyphens),
 * lookalike letters from other scripts mapped to Latin (unhomoglyph), accents folded, lower case.
 */
export const fold = (raw: string): string =>
  raw
    .normalize('NFKC')
    .replace(/[\p{Cf}\u034F\u115F\u1160\u3164\uFFA0]/gu, '')
    .replace(/[\p{Cc}]/gu, (char) => (char === '\n' ? '\n' : ' '))
    .replace(/[^\p{ASCII}]/gu, asciiLookalike)
    .replace(/ß/g, 'ss')
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[‘’‛`´ʼ′]/g, "'")
    .replace(/[“”„″]/g, '"')
    .replace(/[‐‑‒–—―−]/g, '-')
    .toLowerCase();

/** A non-ASCII character as the Latin letters it imitates (Cyrillic "ѕ" → "s"), or unchanged. */
function asciiLookalike(char: string): string {
  if (/[\p{Script=Latin}]/u.test(char)) return char; // é, ñ, ß: real letters, folded later
  const mapped = unhomoglyph(char);
  return /^[a-zA-Z0-9]+$/.test(mapped) ? mapped : char;
}

const LEET: Record<string, string> = { '0': 'o', '1': 'i', '3': 'e', '4': 'a', '5': 's', '7': 't', '@': 'a', $: 's', '!': 'i', '|': 'l', '€': 'e', '¥': 'y' };
const LEET_CHARS = /[013457@$!|€¥]/;

/** "k1ll" → "kill", "v1@gr@" → "viagra": only inside words that have letters, so "50 mg" and "988" stay. */
const unLeet = (text: string): string =>
  text.replace(/[\p{L}\p{N}@$!|€¥*]+/gu, (word) =>
    /\p{L}/u.test(word) && LEET_CHARS.test(word) && !/^\d+\p{L}{1,3}$/u.test(word)
      ? word.replace(/[013457@$€¥]|(?<=\p{L})[!|](?=\p{L})/gu, (char) => LEET[char])
      : word
  );

/** "s-u-i-c-i-d-e", "k m s", "s.u.i.c.i.d.e" → one word; also "sui-cide", "cas.ino" (a short part) inside a word. */
const joinSplitLetters = (text: string): string =>
  joinCutWords(text.replace(/(?<![\p{L}\p{N}])\p{L}(?:(?: ?[._*·•\-/] ?| )\p{L}(?![\p{L}\p{N}])){2,}/gu, (run) => run.replace(/[\s._*·•\-/]/g, '')));

const CUT = /([._·•-]+)/u;

/** Words joined by single cuts, as one chain: "sui-cide", "cas.ino" when a part is short; "self-harm" as two words. */
const chainOf = (parts: string[]): string => (parts.length < 2 ? parts.join('') : parts.some((part) => part.length <= 3) ? parts.join('') : parts.join(' '));

/**
 * "sui-cide", "cas.ino": a word cut in two where one part is short, joined. Read as runs of letters and cuts split
 * apart, in one pass: a pattern that tries every start in a long run of letters with no cut after it (a paragraph of
 * Hangul, thousands of letters with no space) would take time growing with the square of its length.
 */
const joinCutWords = (text: string): string =>
  text.replace(/[\p{L}._·•-]+/gu, (segment) => {
    if (!/[._·•-]/.test(segment)) return segment;
    const parts = segment.split(CUT);
    let out = '';
    let chain = [parts[0]];
    for (let index = 1; index < parts.length; index += 2) {
      const [cut, next] = [parts[index], parts[index + 1]];
      if (cut.length === 1 && chain[chain.length - 1] !== '' && next !== '') chain.push(next);
      else {
        out += chainOf(chain) + cut;
        chain = [next];
      }
    }
    return out + chainOf(chain);
  });

/**
 * Punctuation to spaces, repeated letters collapsed. Apostrophes: French elisions split ("l'école" → "l ecole"),
 * others removed inside words ("don't" → "dont", "I'm" → "im").
 */
const toWords = (text: string): string =>
  text
    .replace(/(?<![\p{L}])(qu|[ldjmnstc])'(?=\p{L})/gu, '$1 ')
    .replace(/(?<=\p{L})'(?=\p{L})/gu, '')
    .replace(/[^\p{L}\p{N}*%]+/gu, ' ')
    .replace(/(\p{L})\1+/gu, '$1')
    .trim();

export interface NormalisedText {
  /** Folded words: "i don't want to   BE here!!" → "i dont want to be here". */
  words: string;
  /** The same with leetspeak undone. */
  unleet: string;
  /** The same with split letters joined: "s-u-i-c-i-d-e" → "suicide". */
  joined: string;
}

/** The views of a comment that lexicon patterns are matched against (a pattern matching any view matches). */
export const normalise = (raw: string): NormalisedText => {
  const folded = fold(raw);
  const words = toWords(folded);
  const unleet = toWords(unLeet(folded));
  const joined = toWords(joinSplitLetters(unLeet(folded)));
  return { words, unleet, joined };
};

/** The views, without repeats, for matching. */
export const views = (text: NormalisedText): string[] => [...new Set([text.words, text.unleet, text.joined])];

/** A lexicon word or phrase in the form the text takes after normalisation. */
export const normaliseTerm = (term: string): string => toWords(fold(term));
