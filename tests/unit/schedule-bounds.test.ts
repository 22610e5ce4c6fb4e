import { Temporal } from 'temporal-polyfill';
import { checkExpandable, prepareSchedule } from '#domain/feed';
import { compileSchedule, type Schedule, schedulePanel, sessionsRemaining, validateSchedule } from '#domain/schedule';

/** Schedules stay within a range of dates, and one that does not is never expanded past the library's limit. */
const today = Temporal.PlainDate.from('2026-12-01');
const now = new Date('2026-12-01T12:00:00Z');
const weekly: Schedule = { timezone: 'America/New_York', firstSessionDate: '2027-01-05', startTime: '18:00:00.000', durationMinutes: 90, repeats: 'weekly', interval: 1, ends: 'never' };
const problemsOf = (schedule: Partial<Schedule>) => validateSchedule({ ...weekly, ...schedule }, 'support-group', { today });

describe('the dates a schedule may use', () => {
  it('a first session from 5 years ago to 10 years ahead', () => {
    expect(problemsOf({ firstSessionDate: '2021-12-01' })).toEqual([]);
    expect(problemsOf({ firstSessionDate: '2021-11-30' })).toEqual([
      { path: ['schedule', 'firstSessionDate'], message: expect.stringMatching(/^The first session must be on or after 2021-12-01 \(at most 5 years ago\)/) },
    ]);
    expect(problemsOf({ firstSessionDate: '2036-12-01' })).toEqual([]);
    expect(problemsOf({ firstSessionDate: '2036-12-02' })).toEqual([
      { path: ['schedule', 'firstSessionDate'], message: 'The first session must be on or before 2036-12-01 (at most 10 years ahead)' },
    ]);
  });

  it('an end date up to 10 years ahead: the weekly program ending in 2300 is refused on its end date', () => {
    expect(problemsOf({ ends: 'on-date', endDate: '2036-12-01' })).toEqual([]);
    expect(problemsOf({ ends: 'on-date', endDate: '2300-01-06' })).toEqual([
      { path: ['schedule', 'endDate'], message: 'The end date must be on or before 2036-12-01 (at most 10 years ahead)' },
    ]);
    // A one-off ignores a leftover end date.
    expect(problemsOf({ repeats: 'once', ends: 'on-date', endDate: '2300-01-06' })).toEqual([]);
  });

  it('the last of N sessions up to 10 years ahead', () => {
    expect(problemsOf({ ends: 'after-sessions', sessionCount: 515 })).toEqual([]);
    expect(problemsOf({ ends: 'after-sessions', sessionCount: 520 })).toEqual([
      { path: ['schedule', 'sessionCount'], message: 'With 520 sessions the last one would be on 2036-12-16, after 2036-12-01 (at most 10 years ahead): enter fewer sessions' },
    ]);
    expect(problemsOf({ ends: 'after-sessions', sessionCount: 520, interval: 12 })).toEqual([
      { path: ['schedule', 'sessionCount'], message: expect.stringMatching(/^With 520 sessions the last one would be on 2146-\d\d-\d\d, after 2036-12-01 .*enter fewer sessions$/) },
    ]);
    expect(problemsOf({ repeats: 'monthly-by-date', ends: 'after-sessions', sessionCount: 121 })[0].path).toEqual(['schedule', 'sessionCount']);
    expect(problemsOf({ repeats: 'monthly-by-date', ends: 'after-sessions', sessionCount: 119 })).toEqual([]);
  });

  it('the Sessions panel names the date and works nothing out for it', () => {
    const panel = schedulePanel({ schedule: { ...weekly, ends: 'on-date', endDate: '2300-01-06' }, now, holidayOn: () => null });
    expect(panel).toMatchObject({ complete: false, sessions: [], remaining: null, problems: [{ field: 'endDate', message: expect.stringMatching(/on or before 2036-12-01/) }] });
    const ancient = schedulePanel({ schedule: { ...weekly, firstSessionDate: '0001-01-01' }, now, holidayOn: () => null });
    expect(ancient).toMatchObject({ complete: false, problems: [{ field: 'firstSessionDate' }] });
  });
});

describe('a schedule stored past validation', () => {
  it('is refused by the feed before a page would fail: more than 15 years of sessions', () => {
    const until2300 = compileSchedule({ ...weekly, ends: 'on-date', endDate: '2300-01-06' });
    expect(() => checkExpandable(until2300, now.getTime())).toThrow(/from 2027-01-05 to 2300-01-06, more than 15 years/);
    expect(() => prepareSchedule(until2300, now.getTime())).toThrow(/more than 15 years/);
    // Without the check, counting its sessions is where the recurrence library gives up.
    expect(() => sessionsRemaining(until2300, now)).toThrow(/Maximum iterations/);
    expect(() => prepareSchedule(compileSchedule({ ...weekly, ends: 'on-date', endDate: '2036-12-01' }), now.getTime())).not.toThrow();
  });
});
