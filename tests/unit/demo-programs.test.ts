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

describe('the grief group (1st and 3rd Tuesday)', () => {
  it('starts on a 1st or 3rd Tuesday five to eight weeks back, whatever the day of seeding (else the seed is refused)', () => {
    const day = 24 * 3600 * 1000;
    for (let offset = 0; offset < 400; offset += 1) {
      const today = new Date(Date.UTC(2026, 0, 1) + offset * day);
      const first = new Date(`${demoPrograms(today)[0].schedule.firstSessionDate}T00:00:00Z`);
      const dayOfMonth = first.getUTCDate();
      expect([first.getUTCDay(), dayOfMonth <= 7 || (dayOfMonth >= 15 && dayOfMonth <= 21)]).toEqual([2, true]);
      expect((today.getTime() - first.getTime()) / day).toBeGreaterThanOrEqual(7 * 5);
      expect((today.getTime() - first.getTime()) / day).toBeLessThanOrEqual(7 * 8);
    }
  });
});
