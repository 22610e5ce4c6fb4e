import { compile } from '../../src/domain/moderation/lexicon/matcher';
import { parsePattern } from '../../src/domain/moderation/lexicon/pattern';
import { normalise, views } from '../../src/domain/moderation/text/normalise';

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

  it('mask replaces matches with a word no pattern or gap crosses', () => {
    const masked = compile(['killed it']).mask(normalise('you killed it with this article').words);
    expect(masked).toBe('you ~ with this article');
    expect(compile(['you .. with']).find(masked)).toEqual([]);
  });

  it('find the longest match at the leftmost start, without overlaps', () => {
    expect(compile(['want to', 'want to die', 'die']).find('i want to die now die')).toEqual(['want to die', 'die']);
  });

  it('refuse malformed patterns with the pattern named', () => {
    expect(() => parsePattern('(pills|tablets')).toThrow('(pills|tablets');
    expect(() => parsePattern('? pills')).toThrow('"?" follows nothing');
    expect(() => parsePattern('(a)? ..')).toThrow('matches nothing');
    expect(() => parsePattern('telegram (me|@)')).toThrow('has no letters or digits');
  });
});

describe('numbers in patterns', () => {
  it('# stands for a number, alone or inside a word', () => {
    for (const text of ['I take 50 mg', 'I take 50mg', 'took 30 pills']) expect(matches(['# mg', '#mg', '# pills'], text)).toBe(true);
    expect(matches(['# mg'], 'I take mg')).toBe(false);
  });
});
