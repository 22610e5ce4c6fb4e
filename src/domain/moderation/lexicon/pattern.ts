import { normaliseTerm } from '../text/normalise';

/**
 * Lexicon patterns parsed into a tree of token tests (syntax in `types.ts`). A pattern is a finite phrase shape:
 * words, alternatives, optional parts and bounded gaps, never an unbounded repetition, so matching it against the
 * words of a comment takes time linear in the comment's length (see `matcher.ts`).
 */
export type TokenTest =
  | { kind: 'exact'; text: string }
  | { kind: 'prefix'; stem: string }
  /** A word with a number in it (`#mg`): an anchored expression over one token. */
  | { kind: 'number'; source: string }
  /** Any one word but a mask (`~`): one step of a `..` gap. */
  | { kind: 'any' };

export type Node =
  | { kind: 'test'; test: TokenTest }
  | { kind: 'sequence'; items: Node[] }
  | { kind: 'choice'; alternatives: Node[] }
  | { kind: 'optional'; item: Node }
  | { kind: 'gap'; max: number };

type Token = { kind: 'word'; text: string } | { kind: 'open' | 'close' | 'or' | 'optional' | 'gap' };

/** Words a `..` may skip. */
export const GAP_WORDS = 4;

export class PatternError extends Error {}

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

/** One written word as token tests: normalisation may split it ("self-harm" → self, harm). */
const wordNodes = (raw: string, pattern: string): Node[] => {
  const prefix = raw.endsWith('*');
  const stem = prefix ? raw.slice(0, -1) : raw;
  if (stem.includes('#')) {
    // `#` is a number; "# mg" is two words, "#mg" one word of digits then letters.
    const source = stem
      .split('#')
      .map((part) => escape(normaliseTerm(part).replace(/ /g, '')))
      .join('\\d+');
    return [{ kind: 'test', test: { kind: 'number', source: `${source}${prefix ? '\\p{L}*' : ''}` } }];
  }
  const words = normaliseTerm(stem).split(' ').filter(Boolean);
  if (words.length === 0) throw new PatternError(`Lexicon pattern "${pattern}": "${raw}" has no letters or digits`);
  return words.map((word, index) => ({
    kind: 'test',
    test: prefix && index === words.length - 1 ? { kind: 'prefix', stem: word } : { kind: 'exact', text: word },
  }));
};

const canBeEmpty = (node: Node): boolean => {
  if (node.kind === 'test') return false;
  if (node.kind === 'gap' || node.kind === 'optional') return true;
  if (node.kind === 'sequence') return node.items.every(canBeEmpty);
  return node.alternatives.some(canBeEmpty);
};

const sequence = (tokens: Token[], at: { index: number }, pattern: string): Node => {
  const items: Node[] = [];
  while (at.index < tokens.length) {
    const token = tokens[at.index];
    if (token.kind === 'close' || token.kind === 'or') break;
    at.index += 1;
    if (token.kind === 'word') {
      // A written word normalisation splits ("self-harm") stays one item, so a `?` after it takes all of it.
      const nodes = wordNodes(token.text, pattern);
      items.push(nodes.length === 1 ? nodes[0] : { kind: 'sequence', items: nodes });
    }
    else if (token.kind === 'gap') items.push({ kind: 'gap', max: GAP_WORDS });
    else if (token.kind === 'optional') {
      const last = items.pop();
      if (!last) throw new PatternError(`Lexicon pattern "${pattern}": "?" follows nothing`);
      items.push({ kind: 'optional', item: last });
    } else if (token.kind === 'open') {
      const alternatives = [sequence(tokens, at, pattern)];
      while (tokens[at.index]?.kind === 'or') {
        at.index += 1;
        alternatives.push(sequence(tokens, at, pattern));
      }
      if (tokens[at.index]?.kind !== 'close') throw new PatternError(`Lexicon pattern "${pattern}": missing ")"`);
      at.index += 1;
      items.push({ kind: 'choice', alternatives });
    }
  }
  return { kind: 'sequence', items };
};

/** The tree of one pattern; a malformed one throws a PatternError naming it. */
export const parsePattern = (pattern: string): Node => {
  const tokens = tokenize(pattern);
  const at = { index: 0 };
  const tree = sequence(tokens, at, pattern);
  if (at.index !== tokens.length) throw new PatternError(`Lexicon pattern "${pattern}": unexpected "${tokens[at.index].kind === 'close' ? ')' : '|'}"`);
  const required = tree.kind === 'sequence' ? tree.items.filter((item) => item.kind !== 'gap') : [tree];
  if (required.length === 0 || canBeEmpty(tree)) throw new PatternError(`Lexicon pattern "${pattern}" matches nothing`);
  return tree;
};
