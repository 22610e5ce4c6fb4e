import { fold, normalise, normaliseTerm, views } from '../../src/domain/moderation/text/normalise';

const allViews = (text: string) => views(normalise(text));

describe('one normalisation for every rule', () => {
  it.each([
    ['zero-width characters inside a word', 'su\u200bi\u200dcide', 'suicide'],
    ['a soft hyphen and a bidi override', 'sui\u00adcide\u202e', 'suicide'],
    ['Cyrillic lookalike letters', 'ѕuiсidе', 'suicide'],
    ['full-width letters', 'ｓｕｉｃｉｄｅ', 'suicide'],
    ['mathematical bold letters', '𝐬𝐮𝐢𝐜𝐢𝐝𝐞', 'suicide'],
    ['accents', 'Ça me dépasse', 'ca me depase'],
    ['German sharp s', 'Straße', 'strase'],
    ['typographic apostrophes', 'I don’t want', 'i dont want'],
    ['repeated letters', 'diiiieeee', 'die'],
    ['punctuation and spacing', '  I want   to…die!!! ', 'i want to die'],
  ])('%s', (_name, input, expected) => {
    expect(allViews(input)).toContain(expected);
  });

  it.each([
    ['leetspeak', 'k1ll mys3lf', 'kil myself'],
    ['symbols for letters', 'v1@gr@', 'viagra'],
    ['spaced letters', 's u i c i d e', 'suicide'],
    ['hyphenated letters', 's-u-i-c-i-d-e', 'suicide'],
    ['dotted letters', 'k.m.s', 'kms'],
    ['a hyphen inside a word', 'sui-cide', 'suicide'],
  ])('%s are joined or undone in a view of their own', (_name, input, expected) => {
    expect(allViews(input)).toContain(expected);
    expect(normalise(input).words).not.toBe(expected);
  });

  it.each([
    ['a short part after a cut', 'the cas.ino bonus', 'the casino bonus'],
    ['two long parts stay two words', 'self-harm help', 'self harm help'],
    ['a double cut separates', 'alone--forever', 'alone forever'],
    ['cuts at both ends', '-abc-de-', 'abcde'],
    ['a chain of cuts with a short part', 'well-being.-x', 'wel being x'],
  ])('words cut by a hyphen or a dot: %s', (_name, input, expected) => {
    expect(normalise(input).joined).toBe(expected);
  });

  it('reads long runs of letters with no space whole (Hangul, Latin, letters between bidi controls)', () => {
    expect(normalise('한'.repeat(4999)).joined).toBe(normalise('한').joined.repeat(4999));
    expect(normalise('\u202eabc'.repeat(1200)).joined).toBe('abc'.repeat(1200));
    expect(normalise(`${'a'.repeat(400)}--`.repeat(12)).joined).toBe(Array(12).fill('a').join(' '));
  });

  it('keeps numbers that are numbers: doses, hotlines, years', () => {
    expect(normalise('I took 50mg, called 988 in 2024').unleet).toBe('i tok 50mg caled 988 in 2024');
    expect(normalise('here!!').unleet).toBe('here');
  });

  it('fold keeps punctuation for rules that need it', () => {
    expect(fold('Jane.Doe@GMAIL.com ѕ')).toBe('jane.doe@gmail.com s');
  });

  it('lexicon terms take the same form as the text', () => {
    expect(normaliseTerm("Don't")).toBe(normalise('DON’T').words);
    expect(normaliseTerm('kill')).toBe(normalise('KIIILL').words);
  });
});
