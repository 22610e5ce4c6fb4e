import { type Node, parsePattern, type TokenTest } from './pattern';

/**
 * Many lexicon patterns matched at once over the words of a normalised text, in time linear in its length: the
 * patterns are compiled into one automaton over words (Thompson's construction), and from each word start the
 * set of live states is advanced word by word. No pattern can repeat without bound, so each start is followed for
 * at most as many words as the longest pattern has; there is no backtracking to blow up on hostile input.
 *
 * Matches are whole words, leftmost and then longest, without overlaps. A word with `*` in it ("su*cide",
 * "k*ll") matches a pattern word of the same length whose letters it shows; a word of stars alone matches nothing.
 */
export interface Matcher {
  /** The matched phrases in `text` (normalised words separated by single spaces), left to right. */
  find(text: string): string[];
  /** The words of `text` and where each match starts and ends (word indexes, end exclusive). */
  spans(text: string): { tokens: string[]; found: Array<[number, number]> };
  /** `text` with every match replaced by the mask word `~` (which no pattern word and no gap matches). */
  mask(text: string): string;
}

const ACCEPT = -1;
export const MASK = '~';

interface State {
  test: TokenTest;
  /** Anchored expression of a `number` test. */
  expression?: RegExp;
  /** Where a match goes once this state has taken its word (ACCEPT: the pattern is complete). */
  next: number[];
}

const LETTERS = /^\p{L}*$/u;
const LETTERS_OR_STARS = /^[\p{L}*]*$/u;
const A_LETTER = /\p{L}/u;

/** The letters a starred word shows agree with `word` ("k*ll" and "kill"); it must show at least one letter. */
const starredEquals = (token: string, word: string, upTo = word.length) => {
  for (let index = 0; index < upTo; index += 1) if (token[index] !== word[index] && token[index] !== '*') return false;
  return A_LETTER.test(token);
};

const passes = (state: State, token: string): boolean => {
  const { test } = state;
  const starred = token.includes('*');
  switch (test.kind) {
    case 'exact':
      return token === test.text || (starred && token.length === test.text.length && starredEquals(token, test.text));
    case 'prefix':
      if (token.startsWith(test.stem) && LETTERS.test(token.slice(test.stem.length))) return true;
      return starred && token.length >= test.stem.length && starredEquals(token, test.stem) && LETTERS_OR_STARS.test(token.slice(test.stem.length));
    case 'number':
      return state.expression!.test(token);
    case 'any':
      return token !== MASK;
  }
};

class Automaton {
  readonly states: State[] = [];

  private add(test: TokenTest, next: number[]): number {
    this.states.push({ test, next, expression: test.kind === 'number' ? new RegExp(`^(?:${test.source})$`, 'u') : undefined });
    return this.states.length - 1;
  }

  /** The states a match of `node` starts in, when `follow` is where it goes after. */
  build(node: Node, follow: number[]): number[] {
    switch (node.kind) {
      case 'test':
        return [this.add(node.test, follow)];
      case 'sequence':
        return node.items.reduceRight((after, item) => this.build(item, after), follow);
      case 'choice':
        return [...new Set(node.alternatives.flatMap((alternative) => this.build(alternative, follow)))];
      case 'optional':
        return [...new Set([...this.build(node.item, follow), ...follow])];
      case 'gap': {
        // Up to `max` words of anything: a chain of states, each of which may also end the gap.
        let longest = -1;
        for (let step = 1; step <= node.max; step += 1) longest = this.add({ kind: 'any' }, step === 1 ? follow : [...follow, longest]);
        return [...follow, longest];
      }
    }
  }
}

/** The start states, indexed by what their word can be, so each word start looks only at its candidates. */
class StartIndex {
  private readonly exact = new Map<string, number[]>();
  private readonly exactByLength = new Map<number, Array<[string, number[]]>>();
  private readonly prefixes: Array<[string, number]> = [];
  private readonly prefixByFirst = new Map<string, Array<[string, number]>>();
  private readonly others: number[] = [];

  constructor(private readonly states: State[], starts: number[]) {
    for (const id of new Set(starts)) {
      const { test } = states[id];
      if (test.kind === 'exact') {
        const list = this.exact.get(test.text) ?? [];
        if (list.length === 0) this.exact.set(test.text, list);
        list.push(id);
      } else if (test.kind === 'prefix') {
        this.prefixes.push([test.stem, id]);
        const first = test.stem[0];
        this.prefixByFirst.set(first, [...(this.prefixByFirst.get(first) ?? []), [test.stem, id]]);
      } else this.others.push(id);
    }
    for (const [text, ids] of this.exact) this.exactByLength.set(text.length, [...(this.exactByLength.get(text.length) ?? []), [text, ids]]);
  }

  /** The start states whose word `token` is. */
  matching(token: string): number[] {
    const found: number[] = [];
    if (token.includes('*')) {
      for (const [text, ids] of this.exactByLength.get(token.length) ?? []) if (starredEquals(token, text)) found.push(...ids);
      for (const [, id] of this.prefixes) if (passes(this.states[id], token)) found.push(id);
    } else {
      found.push(...(this.exact.get(token) ?? []));
      for (const [stem, id] of this.prefixByFirst.get(token[0]) ?? []) if (token.startsWith(stem) && LETTERS.test(token.slice(stem.length))) found.push(id);
    }
    for (const id of this.others) if (passes(this.states[id], token)) found.push(id);
    return found;
  }
}

const NOTHING: Matcher = { find: () => [], spans: (text) => ({ tokens: text.split(' '), found: [] }), mask: (text) => text };

/** One matcher for a list of patterns: whole words, any of them. Throws a PatternError for a malformed one. */
export const compile = (patterns: readonly string[]): Matcher => {
  if (patterns.length === 0) return NOTHING;
  const automaton = new Automaton();
  const starts = patterns.flatMap((pattern) => automaton.build(parsePattern(pattern), [ACCEPT]));
  const { states } = automaton;
  const index = new StartIndex(states, starts);
  const seen = new Uint32Array(states.length);
  let generation = 0;

  /** Where the longest match starting at `start` ends (exclusive), or -1. */
  const longestFrom = (tokens: string[], start: number): number => {
    let live = index.matching(tokens[start]);
    let end = -1;
    for (let position = start + 1; live.length > 0; position += 1) {
      generation += 1;
      const next: number[] = [];
      let complete = false;
      for (const id of live) {
        for (const target of states[id].next) {
          if (target === ACCEPT) complete = true;
          else if (seen[target] !== generation && (position < tokens.length && passes(states[target], tokens[position]))) {
            seen[target] = generation;
            next.push(target);
          }
        }
      }
      if (complete) end = position;
      live = next;
    }
    return end;
  };

  const spans = (text: string): { tokens: string[]; found: Array<[number, number]> } => {
    const tokens = text === '' ? [] : text.split(' ');
    const found: Array<[number, number]> = [];
    for (let start = 0; start < tokens.length; start += 1) {
      if (tokens[start] === MASK || tokens[start] === '') continue;
      const end = longestFrom(tokens, start);
      if (end > start) {
        found.push([start, end]);
        start = end - 1;
      }
    }
    return { tokens, found };
  };

  return {
    spans,
    find(text) {
      const { tokens, found } = spans(text);
      return found.map(([start, end]) => tokens.slice(start, end).join(' '));
    },
    mask(text) {
      const { tokens, found } = spans(text);
      if (found.length === 0) return text;
      const out: string[] = [];
      let at = 0;
      for (const [start, end] of found) {
        out.push(...tokens.slice(at, start), MASK);
        at = end;
      }
      return [...out, ...tokens.slice(at)].join(' ');
    },
  };
};
