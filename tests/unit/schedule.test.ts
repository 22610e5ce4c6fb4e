import { compileSchedule, describeSchedule, type Schedule, sessionAt, sessionsRemaining, startsBetween, timeRange, validateSchedule } from '#domain/schedule';

const NY = 'America/New_York';
const base: Schedule = {
  timezone: NY,
  firstSessionDate: '2027-01-05', // a Tuesday
  startTime: '18:00:00.000',
  durationMinutes: 90,
  repeats: 'weekly',
  interval: 1,
  ends: 'never',
};
const sessionsBetween = (schedule: Schedule, from: string, to: string) => {
  const compiled = compileSchedule(schedule);
  return startsBetween(compiled, new Date(from), new Date(to)).map((start) => sessionAt(compiled, start));
};
const starts = (schedule: Schedule, from: string, to: string) => sessionsBetween(schedule, from, to).map((session) => session.start);

describe('repeat kinds', () => {
  it('once', () => {
    const once = { ...base, repeats: 'once' as const };
    expect(starts(once, '2027-01-01', '2028-01-01')).toEqual(['2027-01-05T18:00:00-05:00']);
    expect(sessionsRemaining(compileSchedule(once), new Date('2027-01-01'))).toBe(1);
    expect(sessionsRemaining(compileSchedule(once), new Date('2027-01-06'))).toBe(0);
  });

  it('weekly', () => {
    expect(starts(base, '2027-01-01', '2027-01-27')).toEqual([
      '2027-01-05T18:00:00-05:00',
      '2027-01-12T18:00:00-05:00',
      '2027-01-19T18:00:00-05:00',
      '2027-01-26T18:00:00-05:00',
    ]);
  });

  it('every other week', () => {
    expect(starts({ ...base, interval: 2 }, '2027-01-01', '2027-02-10')).toEqual([
      '2027-01-05T18:00:00-05:00',
      '2027-01-19T18:00:00-05:00',
      '2027-02-02T18:00:00-05:00',
    ]);
  });

  it('twice a month: 1st and 3rd Tuesday', () => {
    const twice = { ...base, repeats: 'monthly-by-weekday' as const, weeksOfMonth: 'first-and-third' as const };
    expect(starts(twice, '2027-01-01', '2027-04-01')).toEqual([
      '2027-01-05T18:00:00-05:00',
      '2027-01-19T18:00:00-05:00',
      '2027-02-02T18:00:00-05:00',
      '2027-02-16T18:00:00-05:00',
      '2027-03-02T18:00:00-05:00',
      '2027-03-16T18:00:00-04:00',
    ]);
  });

  it('monthly on the last weekday', () => {
    const last = { ...base, firstSessionDate: '2027-01-26', repeats: 'monthly-by-weekday' as const, weeksOfMonth: 'last' as const };
    expect(starts(last, '2027-01-01', '2027-04-01')).toEqual(['2027-01-26T18:00:00-05:00', '2027-02-23T18:00:00-05:00', '2027-03-30T18:00:00-04:00']);
  });

  it('monthly on a date', () => {
    const byDate = { ...base, firstSessionDate: '2027-01-15', repeats: 'monthly-by-date' as const };
    expect(starts(byDate, '2027-01-01', '2027-03-20')).toEqual(['2027-01-15T18:00:00-05:00', '2027-02-15T18:00:00-05:00', '2027-03-15T18:00:00-04:00']);
  });
});

describe('ends and skipped dates', () => {
  const eightWeeks: Schedule = { ...base, ends: 'after-sessions', sessionCount: 8 };

  it('a fixed number of sessions finishes', () => {
    const all = starts(eightWeeks, '2027-01-01', '2028-01-01');
    expect(all).toHaveLength(8);
    expect(all[7]).toBe('2027-02-23T18:00:00-05:00');
    expect(starts(eightWeeks, '2027-02-24', '2028-01-01')).toEqual([]);
    expect(sessionsRemaining(compileSchedule(eightWeeks), new Date('2027-02-10'))).toBe(2);
    expect(compileSchedule(eightWeeks).rrule).toBe('FREQ=WEEKLY;INTERVAL=1;BYDAY=TU;COUNT=8');
  });

  it('skipped dates are left out and a fixed count still holds that many sessions', () => {
    const withHoliday = { ...eightWeeks, skippedDates: [{ date: '2027-01-19', reason: 'MLK week' }] };
    const all = starts(withHoliday, '2027-01-01', '2028-01-01');
    expect(all).toHaveLength(8);
    expect(all).not.toContain('2027-01-19T18:00:00-05:00');
    expect(all[7]).toBe('2027-03-02T18:00:00-05:00');
    const compiled = compileSchedule(withHoliday);
    expect(compiled.rrule).toBe('FREQ=WEEKLY;INTERVAL=1;BYDAY=TU;UNTIL=20270302T230000Z');
    expect(compiled.exdates.map(String)).toEqual(['2027-01-19T18:00:00']);
  });

  it('an end date is inclusive', () => {
    const until = { ...base, ends: 'on-date' as const, endDate: '2027-01-26' };
    expect(starts(until, '2027-01-01', '2028-01-01')).toHaveLength(4);
    expect(compileSchedule(until).rrule).toBe('FREQ=WEEKLY;INTERVAL=1;BYDAY=TU;UNTIL=20270127T045959Z');
  });

  it('ongoing programs have no remaining count', () => {
    expect(sessionsRemaining(compileSchedule(base), new Date('2027-01-01'))).toBeNull();
  });
});

describe('daylight saving time keeps local wall-clock time', () => {
  it('America/New_York spring forward (14 March 2027) and fall back (7 November 2027)', () => {
    const sunday = { ...base, firstSessionDate: '2027-03-07', startTime: '18:00:00.000', repeats: 'weekly' as const };
    const spring = sessionsBetween(sunday, '2027-03-01', '2027-03-22');
    expect(spring.map((session) => session.start)).toEqual([
      '2027-03-07T18:00:00-05:00',
      '2027-03-14T18:00:00-04:00',
      '2027-03-21T18:00:00-04:00',
    ]);
    expect(spring[0].end).toBe('2027-03-07T19:30:00-05:00');
    const fall = starts(sunday, '2027-10-30', '2027-11-15');
    expect(fall).toEqual(['2027-10-31T18:00:00-04:00', '2027-11-07T18:00:00-05:00', '2027-11-14T18:00:00-05:00']);
  });

  it('a session that spans the fall-back hour ends at the right instant', () => {
    const night = { ...base, firstSessionDate: '2027-11-07', startTime: '00:30:00.000', durationMinutes: 120, repeats: 'once' as const };
    const [session] = sessionsBetween(night, '2027-11-06', '2027-11-08');
    expect(session).toEqual({ start: '2027-11-07T00:30:00-04:00', end: '2027-11-07T01:30:00-05:00', status: 'scheduled' });
  });

  it('Australia/Sydney (southern hemisphere): DST ends 4 April 2027 and starts 3 October 2027', () => {
    const sydney = { ...base, timezone: 'Australia/Sydney', firstSessionDate: '2027-03-28', startTime: '18:00:00.000' };
    expect(starts(sydney, '2027-03-27', '2027-04-12')).toEqual(['2027-03-28T18:00:00+11:00', '2027-04-04T18:00:00+10:00', '2027-04-11T18:00:00+10:00']);
    expect(starts(sydney, '2027-09-26', '2027-10-11')).toEqual(['2027-09-26T18:00:00+10:00', '2027-10-03T18:00:00+11:00', '2027-10-10T18:00:00+11:00']);
  });
});

describe('validation', () => {
  it('group therapy needs a number of sessions or an end date', () => {
    expect(validateSchedule(base, 'group-therapy')).toEqual([
      { path: ['schedule', 'ends'], message: expect.stringMatching(/Group therapy is time-limited/) },
    ]);
    expect(validateSchedule({ ...base, ends: 'after-sessions' }, 'group-therapy')).toEqual([
      { path: ['schedule', 'sessionCount'], message: 'Enter how many sessions the program has' },
    ]);
    expect(validateSchedule({ ...base, ends: 'after-sessions', sessionCount: 8 }, 'group-therapy')).toEqual([]);
    expect(validateSchedule(base, 'support-group')).toEqual([]);
  });

  it('session length between 15 minutes and 8 hours', () => {
    expect(validateSchedule({ ...base, durationMinutes: 10 })[0].path).toEqual(['schedule', 'durationMinutes']);
    expect(validateSchedule({ ...base, durationMinutes: 481 })[0].path).toEqual(['schedule', 'durationMinutes']);
    expect(validateSchedule({ ...base, durationMinutes: 480 })).toEqual([]);
  });

  it('an end date after the start', () => {
    expect(validateSchedule({ ...base, ends: 'on-date', endDate: '2027-01-05' })[0]).toEqual({
      path: ['schedule', 'endDate'],
      message: 'The end date must be after the first session',
    });
  });

  it('a valid time zone', () => {
    expect(validateSchedule({ ...base, timezone: 'Mars/Olympus_Mons' })[0].path).toEqual(['schedule', 'timezone']);
    expect(validateSchedule({ ...base, timezone: 'Europe/Berlin' })).toEqual([]);
  });

  it('a first date that matches the chosen weeks of the month', () => {
    const second = { ...base, firstSessionDate: '2027-01-12', repeats: 'monthly-by-weekday' as const, weeksOfMonth: 'first-and-third' as const };
    expect(validateSchedule(second)[0]).toEqual({ path: ['schedule', 'firstSessionDate'], message: '2027-01-12 is not the 1st or 3rd Tuesday of its month' });
  });
});

describe('human summaries', () => {
  it.each<[Partial<Schedule>, string]>([
    [{}, 'Every Tuesday, 6:00–7:30 pm'],
    [{ interval: 2 }, 'Every other Tuesday, 6:00–7:30 pm'],
    [{ interval: 3, ends: 'after-sessions', sessionCount: 6 }, 'Every 3 weeks on Tuesday, 6:00–7:30 pm, 6 sessions'],
    [{ repeats: 'monthly-by-weekday', weeksOfMonth: 'first-and-third' }, 'The 1st and 3rd Tuesday of each month, 6:00–7:30 pm'],
    [{ repeats: 'monthly-by-date', ends: 'on-date', endDate: '2027-06-30' }, 'Monthly on the 5th, 6:00–7:30 pm, until June 30, 2027'],
    [{ repeats: 'once' }, 'Once, on Tuesday, January 5, 2027, 6:00–7:30 pm'],
    [{ startTime: '11:30:00.000', durationMinutes: 90 }, 'Every Tuesday, 11:30 am–1:00 pm'],
  ])('%j → %s', (overrides, expected) => {
    expect(describeSchedule({ ...base, ...overrides })).toBe(expected);
  });

  it.each<[Partial<Schedule>, string]>([
    [{}, 'Cada martes, 18:00–19:30'],
    [{ interval: 2 }, 'Cada dos semanas, el martes, 18:00–19:30'],
    [{ interval: 3, ends: 'after-sessions', sessionCount: 6 }, 'Cada 3 semanas, el martes, 18:00–19:30, 6 sesiones'],
    [{ ends: 'after-sessions', sessionCount: 1 }, 'Cada martes, 18:00–19:30, 1 sesión'],
    [{ repeats: 'monthly-by-weekday', weeksOfMonth: 'first-and-third' }, 'El primer y tercer martes de cada mes, 18:00–19:30'],
    [{ repeats: 'monthly-by-date', ends: 'on-date', endDate: '2027-06-30' }, 'Cada mes, el día 5, 18:00–19:30, hasta el 30 de junio de 2027'],
    [{ repeats: 'once' }, 'Una vez, el martes 5 de enero de 2027, 18:00–19:30'],
    [{ startTime: '09:05:00.000', durationMinutes: 90 }, 'Cada martes, 09:05–10:35'],
  ])('in Spanish: %j → %s', (overrides, expected) => {
    expect(describeSchedule({ ...base, ...overrides }, 'es')).toBe(expected);
  });

  it('reads in English for a language without words, and keeps each language apart for one schedule', () => {
    const schedule = { ...base };
    expect(describeSchedule(schedule, 'es')).toBe('Cada martes, 18:00–19:30');
    expect(describeSchedule(schedule, 'en')).toBe('Every Tuesday, 6:00–7:30 pm');
    expect(describeSchedule(schedule, 'xx')).toBe('Every Tuesday, 6:00–7:30 pm');
    expect(describeSchedule(schedule, 'es-MX')).toBe('Cada martes, 18:00–19:30');
  });

  it('formats times', () => {
    expect(timeRange('12:00', 60)).toBe('12:00–1:00 pm');
    expect(timeRange('09:00:00.000', 45)).toBe('9:00–9:45 am');
  });
});

describe('a start time that does not exist on a spring-forward day (RFC 5545: moved forward by the gap)', () => {
  // 14 March 2027, New York: 02:00 EST jumps to 03:00 EDT.
  const early = { ...base, firstSessionDate: '2027-03-07', startTime: '02:30:00.000', durationMinutes: 60 };

  it('is held at 03:30 EDT, counted, and moves no other session', () => {
    const all = sessionsBetween({ ...early, ends: 'after-sessions', sessionCount: 3 }, '2027-03-01', '2027-04-01');
    expect(all).toEqual([
      { start: '2027-03-07T02:30:00-05:00', end: '2027-03-07T03:30:00-05:00', status: 'scheduled' },
      { start: '2027-03-14T03:30:00-04:00', end: '2027-03-14T04:30:00-04:00', status: 'scheduled' },
      { start: '2027-03-21T02:30:00-04:00', end: '2027-03-21T03:30:00-04:00', status: 'scheduled' },
    ]);
    expect(compileSchedule({ ...early, ends: 'after-sessions', sessionCount: 3 }).rrule).toBe('FREQ=WEEKLY;INTERVAL=1;BYDAY=SU;COUNT=3');
  });

  it('a first session in the gap moves only itself', () => {
    const first = { ...early, firstSessionDate: '2027-03-14' };
    expect(starts(first, '2027-03-01', '2027-03-29')).toEqual(['2027-03-14T03:30:00-04:00', '2027-03-21T02:30:00-04:00', '2027-03-28T02:30:00-04:00']);
    expect(compileSchedule(first).dtstart.toString()).toBe('2027-03-14T02:30:00');
    expect(describeSchedule(first)).toBe('Every Sunday, 2:30–3:30 am');
  });

  it('skipping the gap day matches that session by its local date', () => {
    const skipping = { ...early, ends: 'after-sessions' as const, sessionCount: 3, skippedDates: [{ date: '2027-03-14' }] };
    expect(starts(skipping, '2027-03-01', '2027-04-01')).toEqual(['2027-03-07T02:30:00-05:00', '2027-03-21T02:30:00-04:00', '2027-03-28T02:30:00-04:00']);
    const compiled = compileSchedule(skipping);
    expect(compiled.exdates.map(String)).toEqual(['2027-03-14T02:30:00']);
    expect(compiled.rrule).toBe('FREQ=WEEKLY;INTERVAL=1;BYDAY=SU;UNTIL=20270328T063000Z');
    expect(sessionsRemaining(compiled, new Date('2027-03-01'))).toBe(3);
  });

  it('London 01:30 and Santiago midnight', () => {
    const london = { ...base, timezone: 'Europe/London', firstSessionDate: '2027-03-21', startTime: '01:30:00.000' };
    expect(starts(london, '2027-03-27', '2027-04-05')).toEqual(['2027-03-28T02:30:00+01:00', '2027-04-04T01:30:00+01:00']);
    // Chile moves from -04 to -03 at midnight on the first Sunday after 1 September.
    const santiago = { ...base, timezone: 'America/Santiago', firstSessionDate: '2027-08-29', startTime: '00:00:00.000' };
    expect(starts(santiago, '2027-09-04', '2027-09-13')).toEqual(['2027-09-05T01:00:00-03:00', '2027-09-12T00:00:00-03:00']);
  });

  it('a time that occurs twice (fall back) is the first one', () => {
    const night = { ...base, firstSessionDate: '2027-10-31', startTime: '01:30:00.000', durationMinutes: 60 };
    expect(starts(night, '2027-11-06', '2027-11-08')).toEqual(['2027-11-07T01:30:00-04:00']);
  });
});

describe('monthly on the 29th to 31st', () => {
  const on31 = { ...base, firstSessionDate: '2027-01-31', repeats: 'monthly-by-date' as const };

  it('skips shorter months, or meets on their last day, as the editor chose', () => {
    expect(starts({ ...on31, shortMonths: 'skip' }, '2027-01-01', '2027-06-01').map((start) => start.slice(0, 10))).toEqual(['2027-01-31', '2027-03-31', '2027-05-31']);
    expect(starts({ ...on31, shortMonths: 'last-day' }, '2027-01-01', '2027-06-01').map((start) => start.slice(0, 10))).toEqual([
      '2027-01-31', '2027-02-28', '2027-03-31', '2027-04-30', '2027-05-31',
    ]);
    const on30 = { ...on31, firstSessionDate: '2027-01-30', shortMonths: 'last-day' as const };
    expect(starts(on30, '2027-01-01', '2027-04-01').map((start) => start.slice(0, 10))).toEqual(['2027-01-30', '2027-02-28', '2027-03-30']);
    expect(compileSchedule(on30).rrule).toBe('FREQ=MONTHLY;INTERVAL=1;BYMONTHDAY=28,29,30;BYSETPOS=-1');
    expect(compileSchedule({ ...on31, shortMonths: 'last-day' }).rrule).toBe('FREQ=MONTHLY;INTERVAL=1;BYMONTHDAY=-1');
  });

  it('the summary says which', () => {
    expect(describeSchedule({ ...on31, shortMonths: 'skip' })).toBe('Monthly on the 31st (not in months without a 31st), 6:00–7:30 pm');
    expect(describeSchedule({ ...on31, shortMonths: 'last-day' })).toBe('Monthly on the 31st (the last day in shorter months), 6:00–7:30 pm');
  });

  it('the editor must choose', () => {
    expect(validateSchedule(on31)).toEqual([
      { path: ['schedule', 'shortMonths'], message: 'Choose whether the group skips months without a 31st or meets on their last day' },
    ]);
    expect(validateSchedule({ ...on31, firstSessionDate: '2027-01-28' })).toEqual([]);
  });
});

describe('small rules', () => {
  it('one session is "1 session"', () => {
    expect(describeSchedule({ ...base, ends: 'after-sessions', sessionCount: 1 })).toBe('Every Tuesday, 6:00–7:30 pm, 1 session');
  });

  it('a one-off ignores a leftover end date or count', () => {
    const once = { ...base, repeats: 'once' as const, ends: 'on-date' as const, endDate: '2026-01-01', sessionCount: 0 };
    expect(validateSchedule(once, 'group-therapy')).toEqual([]);
    expect(starts(once, '2027-01-01', '2027-02-01')).toEqual(['2027-01-05T18:00:00-05:00']);
    expect(describeSchedule(once)).toBe('Once, on Tuesday, January 5, 2027, 6:00–7:30 pm');
  });

  it('sessionCount 0 is one error on that field', () => {
    expect(validateSchedule({ ...base, ends: 'after-sessions', sessionCount: 0 })).toEqual([
      { path: ['schedule', 'sessionCount'], message: 'Number of sessions must be between 1 and 520' },
    ]);
  });

  it('a time zone in the wrong case or by an old name is read as its IANA name', () => {
    expect(compileSchedule({ ...base, timezone: 'america/new_york' }).timeZone).toBe('America/New_York');
    expect(compileSchedule({ ...base, timezone: 'Asia/Calcutta' }).timeZone).toBe('Asia/Kolkata');
    expect(validateSchedule({ ...base, timezone: 'Asia/Calcutta' })).toEqual([]);
  });
});
