import { normalise, views } from '../../src/api/comment/moderation/normalise';
import { compile, compileMask, patternSource } from '../../src/api/comment/moderation/patterns';

const matches = (patterns: string[], text: string) => views(normalise(text)).some((view) => compile(patterns).find(view).length > 0);

describe('lexicon patterns', () => {
  it('match whole words only', () => {
    expect(matches(['die'], 'I want to die')).toBe(true);
    expect(matches(['die'], 'a diet plan')).toBe(false);
  });

  it('word* allows any ending', () => {
    for (const text of ['she wants to die', 'I wanted to die', 'wanting to die']) expect(matches(['want* to die'], text)).toBe(true);
    expect(matches(['want* to die'], 'I want to diet')).toBe(false);
  });

  it('(a|b c) alternatives, ? optional, .. a gap of up to four words', () => {
    const patterns = ['(saved|saving) up? (all of)? my (pills|sleeping pills)', 'kill .. myself'];
    for (const text of ['saved my pills', 'saving up all of my sleeping pills', 'I could kill my own stupid self myself']) expect(matches(patterns, text)).toBe(true);
    expect(matches(patterns, 'kill one two three four five myself')).toBe(false);
    expect(matches(patterns, 'saved all my pills')).toBe(false);
  });

  it('see through disguises and starred letters, but not through stars alone', () => {
    for (const text of ['k1ll mys3lf', 'K I L L myself', 'k*ll myself', 'su*cide', 'ѕuicide']) expect(matches(['kill myself', 'suicide'], text)).toBe(true);
    expect(matches(['kill myself'], '*** myself')).toBe(false);
  });

  it('mask removes matches before other rules run', () => {
    expect(compileMask(['killed it'])(normalise('you killed it with this article').words)).not.toContain('kiled');
  });

  it('refuse malformed patterns with the pattern named', () => {
    expect(() => patternSource('(pills|tablets')).toThrow('(pills|tablets');
    expect(() => patternSource('? pills')).toThrow('"?" follows nothing');
    expect(() => patternSource('(a)? ..')).toThrow('matches nothing');
  });
});

describe('numbers in patterns', () => {
  it('# stands for a number, alone or inside a word', () => {
    for (const text of ['I take 50 mg', 'I take 50mg', 'took 30 pills']) expect(matches(['# mg', '#mg', '# pills'], text)).toBe(true);
    expect(matches(['# mg'], 'I take mg')).toBe(false);
  });
});
