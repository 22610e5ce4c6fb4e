import ICAL from 'ical.js';
import { buildCalendar } from '#domain/feed';
import { compileSchedule, sessionAt, sessionsRemaining, sessionsToList, startsBetween, validateSchedule, type Schedule, type SessionChangeFields } from '#domain/schedule';
import { Temporal } from 'temporal-polyfill';

/** One session changed: cancelled with a reason, moved, or an extra session, as readers and calendars see it. */

const tuesdays: Schedule = {
  timezone: 'America/New_York',
  firstSessionDate: '2027-01-05',
  startTime: '18:00:00.000',
  durationMinutes: 90,
  repeats: 'weekly',
  interval: 1,
  ends: 'after-sessions',
  sessionCount: 8,
  skippedDates: [{ date: '2027-01-12' }],
};
const TODAY = { today: Temporal.PlainDate.from('2026-12-01') };
const withChanges = (sessionChanges: SessionChangeFields[], schedule: Schedule = tuesdays): Schedule => ({ ...schedule, sessionChanges });
const listed = (schedule: Schedule, from = '2027-01-01', to = '2027-06-01') => {
  const compiled = compileSchedule(schedule);
  return sessionsToList(compiled, startsBetween(compiled, new Date(from), new Date(to)), new Date(from), new Date(to));
};
const problems = (sessionChanges: SessionChangeFields[], schedule: Schedule = tuesdays) =>
  validateSchedule(withChanges(sessionChanges, schedule), 'group-therapy', TODAY).map(({ path, message }) => ({ path: path.join('.'), message }));

describe('one session changed', () => {
  const changed = withChanges([
    { kind: 'cancel', date: '2027-01-19', reason: 'The facilitator is ill' },
    { kind: 'move', date: '2027-01-26', newDate: '2027-01-27', startTime: '19:00', location: 'Room 2', reason: 'Room 4 is being painted' },
    { kind: 'extra', date: '2027-03-06', startTime: '10:00', durationMinutes: 120 },
  ]);

  it('lists a cancelled session at its time with its reason, a moved one at its new time with the previous start, an extra one', () => {
    const sessions = listed(changed);
    expect(sessions.slice(0, 4)).toEqual([
      { start: '2027-01-05T18:00:00-05:00', end: '2027-01-05T19:30:00-05:00', status: 'scheduled' },
      { start: '2027-01-19T18:00:00-05:00', end: '2027-01-19T19:30:00-05:00', status: 'cancelled', reason: 'The facilitator is ill' },
      {
        start: '2027-01-27T19:00:00-05:00', end: '2027-01-27T20:30:00-05:00', status: 'moved', previousStart: '2027-01-26T18:00:00-05:00',
        reason: 'Room 4 is being painted', location: 'Room 2',
      },
      { start: '2027-02-02T18:00:00-05:00', end: '2027-02-02T19:30:00-05:00', status: 'scheduled' },
    ]);
    expect(sessions.find((session) => session.extra)).toEqual({ start: '2027-03-06T10:00:00-05:00', end: '2027-03-06T12:00:00-05:00', status: 'scheduled', extra: true });
    expect(sessions.filter((session) => session.start.startsWith('2027-01-26'))).toEqual([]);
  });

  it('keeps the series rule: a cancelled session still counts among the 8, an extra one is added to them', () => {
    const compiled = compileSchedule(changed);
    expect(compiled.rrule).toBe(compileSchedule(tuesdays).rrule);
    expect(compiled.lastDate?.toString()).toBe('2027-03-02');
    expect(sessionsRemaining(compiled, new Date('2027-01-01'))).toBe(8 - 1 + 1);
    expect(startsBetween(compiled, new Date('2027-01-01'), new Date('2027-06-01')).map((start) => sessionAt(compiled, start).status)).not.toContain('cancelled');
  });

  it('lists only the first sessions when asked for a few, cancelled ones among them, and counts those left of a finished series', () => {
    const compiled = compileSchedule(changed);
    const [from, to] = [new Date('2027-01-01'), new Date('2027-06-01')];
    const all = sessionsToList(compiled, startsBetween(compiled, from, to), from, to);
    for (const limit of [0, 1, 2, 3, 5, 50]) expect(sessionsToList(compiled, startsBetween(compiled, from, to), from, to, limit)).toEqual(all.slice(0, limit));
    expect(all.slice(0, 3).map((session) => session.status)).toEqual(['scheduled', 'cancelled', 'moved']);
    const held = startsBetween(compiled, from, to);
    held.forEach((start, index) => expect(sessionsRemaining(compiled, new Date(start))).toBe(held.length - index));
    expect(sessionsRemaining(compiled, new Date(held[held.length - 1] + 1))).toBe(0);
    expect(sessionsRemaining(compileSchedule({ ...tuesdays, ends: 'never' }), from)).toBeNull();
  });

  it('a one-off session can be cancelled or moved too', () => {
    const once: Schedule = { ...tuesdays, repeats: 'once', ends: 'never', skippedDates: [] };
    expect(listed(withChanges([{ kind: 'cancel', date: '2027-01-05', reason: 'Snow' }], once)).map((session) => session.status)).toEqual(['cancelled']);
    expect(listed(withChanges([{ kind: 'move', date: '2027-01-05', newDate: '2027-01-07' }], once)).map((session) => session.start)).toEqual(['2027-01-07T18:00:00-05:00']);
  });

  it('ignores a stored change whose date is not a session (a row written past validation)', () => {
    expect(listed(withChanges([{ kind: 'cancel', date: '2027-01-06', reason: 'Not a Tuesday' }]))).toEqual(listed(tuesdays));
  });
});

describe('session changes are checked on save, each problem on its field', () => {
  it('accepts a cancel, a move and an extra within the series', () => {
    expect(problems([
      { kind: 'cancel', date: '2027-01-19', reason: 'Ill' },
      { kind: 'move', date: '2027-01-26', newDate: '2027-01-28' },
      { kind: 'move', date: '2027-02-02', startTime: '17:00' },
      { kind: 'extra', date: '2027-02-20' },
    ])).toEqual([]);
  });

  it('a move onto another session', () => {
    expect(problems([{ kind: 'move', date: '2027-01-26', newDate: '2027-02-02' }])).toEqual([
      { path: 'schedule.sessionChanges.0.newDate', message: '2027-02-02 already has a session of the series: choose another date' },
    ]);
    expect(problems([{ kind: 'extra', date: '2027-02-20' }, { kind: 'move', date: '2027-01-26', newDate: '2027-02-20' }])[0].path).toBe('schedule.sessionChanges.1.newDate');
    // A date freed by a cancel or by another move can take a session.
    expect(problems([{ kind: 'cancel', date: '2027-02-02', reason: 'Ill' }, { kind: 'move', date: '2027-01-26', newDate: '2027-02-02' }])).toEqual([]);
  });

  it('a change of a date that is not a session of the series, or is skipped', () => {
    expect(problems([{ kind: 'cancel', date: '2027-01-20', reason: 'Ill' }])).toEqual([
      { path: 'schedule.sessionChanges.0.date', message: '2027-01-20 is not a session of this series: choose one of its dates' },
    ]);
    expect(problems([{ kind: 'move', date: '2027-03-09', newDate: '2027-03-10' }])[0].path).toBe('schedule.sessionChanges.0.date');
    expect(problems([{ kind: 'cancel', date: '2027-01-12', reason: 'Ill' }])[0].message).toBe('2027-01-12 is a skipped date: the group does not meet then');
  });

  it('a move or extra outside the series', () => {
    expect(problems([{ kind: 'move', date: '2027-01-05', newDate: '2027-01-04' }])).toEqual([
      { path: 'schedule.sessionChanges.0.newDate', message: "2027-01-04 is outside the series (2027-01-05 to 2027-03-02): move the session within it, or change the series' dates" },
    ]);
    expect(problems([{ kind: 'extra', date: '2027-03-05' }])[0].path).toBe('schedule.sessionChanges.0.date');
  });

  it('a moved or extra session of a length no session may have', () => {
    for (const durationMinutes of [10, 481, 45.5]) {
      expect(problems([{ kind: 'move', date: '2027-01-26', durationMinutes }])).toEqual([
        { path: 'schedule.sessionChanges.0.durationMinutes', message: 'A session lasts 15 to 480 minutes, in whole minutes' },
      ]);
    }
    expect(problems([{ kind: 'extra', date: '2027-02-20', durationMinutes: 5 }])[0].path).toBe('schedule.sessionChanges.0.durationMinutes');
    expect(problems([{ kind: 'move', date: '2027-01-26', durationMinutes: 120 }])).toEqual([]);
  });

  it('a time in a spring-forward gap', () => {
    const sundays: Schedule = { ...tuesdays, firstSessionDate: '2027-03-07', skippedDates: [] };
    expect(problems([{ kind: 'move', date: '2027-03-14', startTime: '02:30' }], sundays)).toEqual([
      { path: 'schedule.sessionChanges.0.startTime', message: '02:30 does not exist on 2027-03-14 in America/New_York (the clocks go forward): choose another time' },
    ]);
    const marchTuesdays: Schedule = { ...tuesdays, firstSessionDate: '2027-03-02', skippedDates: [] };
    expect(problems([{ kind: 'extra', date: '2027-03-14', startTime: '02:15' }], marchTuesdays)[0].path).toBe('schedule.sessionChanges.0.startTime');
  });

  it('a cancel without a reason, a move that changes nothing, two changes of one session, an extra on a session day', () => {
    expect(problems([{ kind: 'cancel', date: '2027-01-19', reason: ' ' }])).toEqual([{ path: 'schedule.sessionChanges.0.reason', message: 'Tell readers why this session is cancelled' }]);
    expect(problems([{ kind: 'move', date: '2027-01-19', startTime: '18:00' }])[0]).toEqual({ path: 'schedule.sessionChanges.0.newDate', message: 'Say what changes: a new date, start time, length or place' });
    expect(problems([{ kind: 'cancel', date: '2027-01-19', reason: 'Ill' }, { kind: 'move', date: '2027-01-19', newDate: '2027-01-20' }])[0].path).toBe('schedule.sessionChanges.1.date');
    expect(problems([{ kind: 'extra', date: '2027-01-19' }])[0]).toEqual({ path: 'schedule.sessionChanges.0.date', message: '2027-01-19 already has a session of the series: choose another date' });
  });
});

describe('calendar overrides (RFC 5545), read back by ical.js', () => {
  const compiled = compileSchedule(withChanges([
    { kind: 'cancel', date: '2027-01-19', reason: 'The facilitator is ill' },
    { kind: 'move', date: '2027-01-26', newDate: '2027-01-27', startTime: '19:00', location: 'Room 2' },
    { kind: 'extra', date: '2027-03-06', startTime: '10:00', durationMinutes: 120 },
  ]));
  const text = buildCalendar(
    [{ documentId: 'abc', title: 'Grief circle', summary: 'Peer support', location: 'Room 4', url: 'https://counseling.example/programs/grief', updatedAt: '2027-01-02T00:00:00Z', compiled }],
    { name: 'Grief circle', organizerName: 'Counseling Practice', uidDomain: 'counseling.example', now: new Date('2026-12-01T00:00:00Z') }
  );
  const calendar = new ICAL.Component(ICAL.parse(text));

  it('the series keeps its rule; each change is an override of its instance, an extra is an RDATE', () => {
    expect(text).toContain('RDATE;TZID=America/New_York:20270306T100000');
    expect(text).toContain('RECURRENCE-ID;TZID=America/New_York:20270119T180000');
    expect(text).toContain('RECURRENCE-ID;TZID=America/New_York:20270126T180000');
    const events = calendar.getAllSubcomponents('vevent');
    expect(events).toHaveLength(4);
    expect(new Set(events.map((event) => event.getFirstPropertyValue('uid')))).toEqual(new Set(['abc@counseling.example']));
  });

  it('expanded with its overrides, the calendar holds the same sessions as the JSON', () => {
    const [master, ...overrides] = calendar.getAllSubcomponents('vevent');
    ICAL.TimezoneService.register(new ICAL.Timezone(calendar.getFirstSubcomponent('vtimezone')!), 'America/New_York');
    const event = new ICAL.Event(master, { exceptions: overrides });
    const iterator = event.iterator();
    const occurrences: Array<{ start: string; end: string; status: string }> = [];
    for (let next = iterator.next(); next; next = iterator.next()) {
      const details = event.getOccurrenceDetails(next);
      occurrences.push({
        start: details.startDate.toJSDate().toISOString(),
        end: details.endDate.toJSDate().toISOString(),
        status: details.item.component.getFirstPropertyValue('status') === 'CANCELLED' ? 'cancelled' : 'held',
      });
    }
    occurrences.sort((a, b) => a.start.localeCompare(b.start));
    const json = listed(compiled.schedule, '2026-12-01', '2027-12-01').map((session) => ({
      start: new Date(session.start).toISOString(),
      end: new Date(session.end).toISOString(),
      status: session.status === 'cancelled' ? 'cancelled' : 'held',
    }));
    expect(occurrences).toEqual(json);
    expect(occurrences.filter((occurrence) => occurrence.status === 'cancelled')).toEqual([{ start: '2027-01-19T23:00:00.000Z', end: '2027-01-20T00:30:00.000Z', status: 'cancelled' }]);
  });
});
