import LinkifyIt from 'linkify-it';
import tlds from 'tlds';
import { fold } from './normalise';

/**
 * Every link in a comment, however it is disguised: taken from the raw input before markup is removed (href, src,
 * BBCode [url=], Markdown [text](url)), then from the text un-defanged (hxxp, [.], (dot), " dot ", full-width and
 * lookalike letters, zero-width characters) and recognised by linkify-it with the full list of top-level domains.
 */
const linkify = new LinkifyIt({ fuzzyEmail: false }).tlds(tlds);

const MARKUP_LINKS = [
  /\b(?:href|src)\s*=\s*["']?([^"'\s>]+)/gi,
  /\[url=["']?([^\]"']+)["']?\]/gi,
  /\[(?:url|img)\]([^[]+)\[\/(?:url|img)\]/gi,
  /\]\(\s*(<?[^)\s]+>?)[^)]*\)/g,
];

const DOT_WORDS = '(?:dot|punto|ponto|point|punkt)';

/** "hxxps://example[.]com", "example (dot) com", "example dot com" → "https://example.com", "example.com". */
export const undefang = (text: string): string =>
  fold(text)
    .replace(/\bh(?:xx|\*\*|tt)p(s?)(?:\[:\]|:)?\/\//g, 'http$1://')
    .replace(/(?<!\s)\s*(?:\[\.\]|\(\.\)|\{\.\}|\[dot\]|\(dot\)|\{dot\}|<dot>)\s*/g, '.')
    .replace(new RegExp(`(?<![a-z0-9-])([a-z0-9-]{2,}) ${DOT_WORDS} ([a-z]{2,})\\b`, 'g'), (words, left: string, right: string) =>
      /^(the|a|an|at|to|my|our|your|this|that|one|next|each|every|this|good|main|key|first|last)$/.test(left) ? words : `${left}.${right}`
    )
    .replace(/(?<!\s)\s*\[\/\]\s*/g, '/');

/** An address starts where a run of its characters starts: matching from inside a run would be quadratic. */
const EMAIL = /(?<![\p{L}\p{N}._%+-])[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+/gu;

export const findLinks = (raw: string): string[] => {
  const fromMarkup = MARKUP_LINKS.flatMap((pattern) => [...raw.matchAll(pattern)].map((match) => match[1].replace(/^<|>$/g, '')));
  const text = undefang(raw).replace(EMAIL, ' ');
  const recognised = (linkify.match(text) ?? []).map((match) => match.url);
  const seen = new Map<string, string>();
  for (const link of [...fromMarkup.map((link) => undefang(link)), ...recognised]) {
    const domain = domainOf(link);
    if (domain && !seen.has(`${domain}${pathOf(link)}`)) seen.set(`${domain}${pathOf(link)}`, link);
  }
  return [...seen.values()];
};

export const domainOf = (link: string): string => {
  try {
    return new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(link) ? link : `http://${link}`).hostname.replace(/^www\./, '').toLowerCase();
  } catch {
    return '';
  }
};

const pathOf = (link: string) => link.replace(/^[a-z]+:\/\/[^/]+/i, '').replace(/\/$/, '');
