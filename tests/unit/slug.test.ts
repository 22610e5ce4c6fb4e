import { firstFreeSlug, toSlug } from '../../src/utils/slug';

describe('toSlug', () => {
  it.each([
    ['Grief & Loss — Ünïcode', 'grief-and-loss-unicode'],
    ['What’s The Difference Between A Support Group And Group Therapy?', 'whats-the-difference-between-a-support-group-and-group-therapy'],
    ['  Depression Therapy Group (8 weeks)  ', 'depression-therapy-group-8-weeks'],
    ['Families -- Substance   Use', 'families-substance-use'],
  ])('%s → %s', (input, expected) => {
    expect(toSlug(input)).toBe(expected);
  });

  it('returns an empty string for text with nothing to keep', () => {
    expect(toSlug('?!…')).toBe('');
  });
});

describe('firstFreeSlug', () => {
  it('keeps a free base', () => {
    expect(firstFreeSlug('grief', ['grief-support'])).toBe('grief');
  });
  it('counts up from -2 past taken suffixes', () => {
    expect(firstFreeSlug('grief', ['grief', 'grief-2', 'grief-3'])).toBe('grief-4');
    expect(firstFreeSlug('grief', ['grief', 'grief-3'])).toBe('grief-2');
  });
});
