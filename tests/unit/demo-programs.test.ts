import { Temporal } from 'temporal-polyfill';
import { validateSchedule } from '#domain/schedule';
import { demoPrograms, firstOrThirdWeekdayOnOrBefore, weekdayOnOrAfter } from '../../src/seed/demo-programs';

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

describe('the demo schedules are valid whatever the day of seeding', () => {
  it('finds the latest 1st or 3rd Tuesday', () => {
    expect(firstOrThirdWeekdayOnOrBefore(new Date('2026-10-14T12:00:00Z'), 2)).toBe('2026-10-06');
    expect(firstOrThirdWeekdayOnOrBefore(new Date('2026-10-20T12:00:00Z'), 2)).toBe('2026-10-20');
  });

  it('every day of a year (a seed on 2026-12-02 once failed: its grief group started on a 2nd Tuesday)', () => {
    const invalid: string[] = [];
    for (let day = 0; day < 366; day += 1) {
      const today = new Date(Date.UTC(2026, 0, 1 + day, 12));
      for (const program of demoPrograms(today)) {
        const problems = validateSchedule(program.schedule as never, program.kind, { today: Temporal.PlainDate.from(today.toISOString().slice(0, 10)) });
        if (problems.length > 0) invalid.push(`${today.toISOString().slice(0, 10)} ${program.title}: ${JSON.stringify(problems)}`);
      }
    }
    expect(invalid).toEqual([]);
  });
});
