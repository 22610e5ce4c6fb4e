import { demoPrograms, weekdayOnOrAfter } from '../../src/seed/demo-programs';

describe('weekdayOnOrAfter', () => {
  const friday = new Date('2026-11-27T12:00:00Z');
  it('finds the next weekday, today included', () => {
    expect(weekdayOnOrAfter(friday, 5)).toBe('2026-11-27');
    expect(weekdayOnOrAfter(friday, 1)).toBe('2026-11-30');
    expect(weekdayOnOrAfter(friday, 7)).toBe('2026-11-29');
  });
  it('shifts by whole weeks', () => {
    expect(weekdayOnOrAfter(friday, 2, -8)).toBe('2026-10-06');
    expect(weekdayOnOrAfter(friday, 1, 1)).toBe('2026-12-07');
  });
});

describe('demoPrograms', () => {
  it('reflect the article: two ongoing support groups and two time-boxed therapy groups', () => {
    const programs = demoPrograms(new Date('2026-11-27T12:00:00Z'));
    expect(programs.map((program) => [program.kind, program.schedule.ends, program.schedule.sessionCount ?? null])).toEqual([
      ['support-group', 'never', null],
      ['support-group', 'never', null],
      ['group-therapy', 'after-sessions', 8],
      ['group-therapy', 'after-sessions', 6],
    ]);
  });
});
