import { spawnSync } from 'child_process';
import path from 'path';
import fc from 'fast-check';
import ICAL from 'ical.js';
import { Temporal } from 'temporal-polyfill';
import { buildCalendar } from '#domain/feed';
import {
  compileSchedule, instantOf, type Schedule, type SessionChangeFields, sessionsToList, startsBetween, validateSchedule, wallClockAt, type WeeksOfMonth,
} from '#domain/schedule';

/**
 * Property tests: random schedules in eight zones, 2026-2035, many starting on or a few weeks before a DST change
 * at the hour of the change. The sessions the JSON feed lists (the pure schedule code) must be exactly those of
 * the `.ics` as ical.js expands it, and those of an expansion that shares nothing with ours (python-dateutil over
 * the editor's fields, tests/oracle/expand_schedules.py).
 */

const ZONES = [
  'America/New_York', 'America/Los_Angeles', 'America/St_Johns', 'Europe/London',
  'Asia/Kolkata', 'Australia/Sydney', 'Pacific/Auckland', 'America/Santiago',
];
const RUNS = 600;
const SEED = 20270314;
const WINDOW_DAYS = 800;

interface Case {
  schedule: Schedule;
  from: number;
  to: number;
}

/** Local date and hour of the zone's offset changes in `year`. */
const changesIn = (timeZone: string, year: number) => {
  const changes: Array<{ date: Temporal.PlainDate; hour: number }> = [];
  let previous = Temporal.ZonedDateTime.from({ timeZone, year, month: 1, day: 1 });
  for (let next = previous.getTimeZoneTransition('next'); next && next.year === year; next = next.getTimeZoneTransition('next')) {
    const before = next.toInstant().toZonedDateTimeISO(previous.offset);
    changes.push({ date: before.toPlainDate(), hour: before.hour });
    previous = next;
  }
  return changes;
};

const weeksFor = (date: Temporal.PlainDate, pick: number): WeeksOfMonth => {
  const nth = Math.ceil(date.day / 7);
  const options: WeeksOfMonth[] = [
    ...(nth === 1 ? ['first', 'first-and-third'] as const : []),
    ...(nth === 2 ? ['second', 'second-and-fourth'] as const : []),
    ...(nth === 3 ? ['third', 'first-and-third'] as const : []),
    ...(nth === 4 ? ['fourth', 'second-and-fourth'] as const : []),
    ...(date.day + 7 > date.daysInMonth ? ['last'] as const : []),
  ];
  return options[pick % options.length];
};

const caseArbitrary: fc.Arbitrary<Case> = fc
  .record({
    timezone: fc.constantFrom(...ZONES),
    year: fc.integer({ min: 2026, max: 2035 }),
    dayOfYear: fc.integer({ min: 0, max: 364 }),
    nearChange: fc.integer({ min: 0, max: 3 }), // 0: any date; else a change day, 0-3 weeks before it
    changePick: fc.nat(),
    weeksBefore: fc.integer({ min: 0, max: 3 }),
    hour: fc.integer({ min: 0, max: 23 }),
    hourShift: fc.integer({ min: -1, max: 0 }),
    minute: fc.constantFrom(0, 15, 30, 45),
    durationMinutes: fc.constantFrom(15, 45, 90, 120, 480),
    repeats: fc.constantFrom('once', 'weekly', 'weekly', 'monthly-by-weekday', 'monthly-by-date'),
    interval: fc.integer({ min: 1, max: 3 }),
    weeksPick: fc.nat(),
    monthEnd: fc.boolean(),
    shortMonths: fc.constantFrom('skip', 'last-day'),
    ends: fc.constantFrom('never', 'after-sessions', 'on-date'),
    sessionCount: fc.integer({ min: 1, max: 40 }),
    endAfterDays: fc.integer({ min: 1, max: 700 }),
    skips: fc.array(fc.integer({ min: 0, max: 30 }), { maxLength: 3 }),
  })
  .map((draw): Case => {
    const changes = changesIn(draw.timezone, draw.year);
    let first = Temporal.PlainDate.from({ year: draw.year, month: 1, day: 1 }).add({ days: draw.dayOfYear });
    let hour = draw.hour;
    if (draw.nearChange > 0 && changes.length > 0) {
      const change = changes[draw.changePick % changes.length];
      first = change.date.subtract({ weeks: draw.weeksBefore });
      hour = (change.hour + draw.hourShift + 24) % 24;
    }
    if (draw.repeats === 'monthly-by-date' && draw.monthEnd) first = first.with({ day: first.daysInMonth });
    const monthly = draw.repeats.startsWith('monthly');
    const schedule: Schedule = {
      timezone: draw.timezone,
      firstSessionDate: first.toString(),
      startTime: `${String(hour).padStart(2, '0')}:${String(draw.minute).padStart(2, '0')}:00.000`,
      durationMinutes: draw.durationMinutes,
      repeats: draw.repeats as Schedule['repeats'],
      interval: draw.interval,
      weeksOfMonth: draw.repeats === 'monthly-by-weekday' ? weeksFor(first, draw.weeksPick) : null,
      shortMonths: draw.shortMonths as Schedule['shortMonths'],
      ends: draw.ends as Schedule['ends'],
      sessionCount: draw.sessionCount,
      endDate: first.add({ days: draw.endAfterDays }).toString(),
      skippedDates: draw.skips.map((n) => ({ date: (monthly ? first.add({ months: n * draw.interval }) : first.add({ weeks: n * draw.interval })).toString() })),
    };
    const from = first.subtract({ days: 1 }).toZonedDateTime('UTC').epochMilliseconds;
    return { schedule, from, to: from + WINDOW_DAYS * 86_400_000 };
  });

const jsonStarts = ({ schedule, from, to }: Case) => startsBetween(compileSchedule(schedule), new Date(from), new Date(to));

const icsStarts = ({ schedule, from, to }: Case) => {
  const text = buildCalendar(
    [{ documentId: 'case', title: 'Case', summary: '', url: 'https://counseling.example/programs/case', updatedAt: '2026-01-01T00:00:00Z', compiled: compileSchedule(schedule) }],
    { name: 'Case', organizerName: 'Test', uidDomain: 'counseling.example', now: new Date('2026-11-28T00:00:00Z') }
  );
  const calendar = new ICAL.Component(ICAL.parse(text));
  const [vtimezone] = calendar.getAllSubcomponents('vtimezone');
  const zone = new ICAL.Timezone(vtimezone);
  ICAL.TimezoneService.register(zone, String(vtimezone.getFirstPropertyValue('tzid')));
  // The local times our VTIMEZONE says are missing (spring forward) or repeated (fall back), with the offset before.
  const changes = vtimezone.getAllSubcomponents('daylight').concat(vtimezone.getAllSubcomponents('standard')).flatMap((observance) => {
    const from = (observance.getFirstPropertyValue('tzoffsetfrom') as ICAL.UtcOffset).toSeconds() * 1000;
    const to = (observance.getFirstPropertyValue('tzoffsetto') as ICAL.UtcOffset).toSeconds() * 1000;
    const onset = observance.getFirstPropertyValue('dtstart') as ICAL.Time;
    const local = Date.UTC(onset.year, onset.month - 1, onset.day, onset.hour, onset.minute, onset.second);
    if (to === from) return [];
    return [to > from ? { start: local, end: local + to - from, offsetBefore: from } : { start: local - (from - to), end: local, offsetBefore: from }];
  });
  const iterator = new ICAL.Event(calendar.getFirstSubcomponent('vevent')!).iterator();
  const starts: number[] = [];
  for (let next = iterator.next(); next; next = iterator.next()) {
    const wall = Date.UTC(next.year, next.month - 1, next.day, next.hour, next.minute, next.second);
    // ical.js reads a missing or repeated local time with the offset after the change (02:30 on spring-forward day
    // → 01:30 EST; 01:30 on fall-back day → the second 01:30). RFC 5545 §3.3.5, calendar apps and our JSON use the
    // offset before it (→ 03:30 EDT; the first 01:30). Same instances, same VTIMEZONE: only that reading differs.
    const change = changes.find((candidate) => wall >= candidate.start && wall < candidate.end);
    const ms = change ? wall - change.offsetBefore : next.toJSDate().getTime();
    if (ms >= to) break;
    if (ms >= from) starts.push(ms);
  }
  return starts;
};

const pythonStarts = <Answer = number[]>(cases: Case[]): Answer[] => {
  const input = cases.map(({ schedule, from, to }) => ({
    durationMinutes: schedule.durationMinutes,
    changes: (schedule.sessionChanges ?? []).map((change) => ({ ...change, startTime: change.startTime?.slice(0, 5) ?? null })),
    timezone: schedule.timezone,
    firstSessionDate: schedule.firstSessionDate,
    startTime: schedule.startTime.slice(0, 5),
    repeats: schedule.repeats,
    interval: schedule.interval,
    ordinals: schedule.weeksOfMonth ? { first: [1], second: [2], third: [3], fourth: [4], last: [-1], 'first-and-third': [1, 3], 'second-and-fourth': [2, 4] }[schedule.weeksOfMonth] : [],
    shortMonths: schedule.shortMonths,
    ends: schedule.ends,
    sessionCount: schedule.sessionCount,
    endDate: schedule.endDate,
    skippedDates: (schedule.skippedDates ?? []).map((skipped) => skipped.date),
    from,
    to,
  }));
  const result = spawnSync('/usr/bin/python3', [path.join(__dirname, '../oracle/expand_schedules.py')], { input: JSON.stringify(input), encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (result.status !== 0) throw new Error(`python oracle failed: ${result.stderr}`);
  return JSON.parse(result.stdout) as Answer[];
};

/**
 * ical.js implements BYSETPOS only together with BYDAY, so it reads "the 29th or 30th, else the month's last day"
 * (BYMONTHDAY=28,29,30;BYSETPOS=-1, RFC 5545) as three days a month. Those schedules are checked against
 * python-dateutil only; the 31st is written BYMONTHDAY=-1, which ical.js reads.
 */
const readsBySetPosWrong = (schedule: Schedule) =>
  schedule.repeats === 'monthly-by-date' && schedule.shortMonths === 'last-day' && [29, 30].includes(Number(schedule.firstSessionDate.slice(8, 10)));

const iso = (starts: number[]) => starts.map((ms) => new Date(ms).toISOString());

describe(`${RUNS} random schedules in ${ZONES.length} zones, 2026-2035, DST days included`, () => {
  const cases = fc.sample(caseArbitrary, { seed: SEED, numRuns: RUNS });

  it('the generated cases cover what they claim', () => {
    expect(new Set(cases.map((c) => c.schedule.timezone)).size).toBe(ZONES.length);
    expect(Math.max(...cases.map((c) => Number(c.schedule.firstSessionDate.slice(0, 4))))).toBe(2035);
    const onChangeDay = cases.filter((c) => changesIn(c.schedule.timezone, Number(c.schedule.firstSessionDate.slice(0, 4))).some((change) => change.date.toString() === c.schedule.firstSessionDate));
    expect(onChangeDay.length).toBeGreaterThan(50);
    const firstInGap = cases.filter(({ schedule }) => {
      const wall = Temporal.PlainDateTime.from(`${schedule.firstSessionDate}T${schedule.startTime.slice(0, 8)}`);
      return !wallClockAt(schedule.timezone, instantOf(schedule.timezone, wall)).equals(wall);
    });
    expect(firstInGap.length).toBeGreaterThan(20);
    process.stdout.write(`schedule oracle: ${cases.length} schedules, ${onChangeDay.length} starting on a DST change day, ${firstInGap.length} with a first start that does not exist\n`);
  });

  it('JSON sessions equal the independent python-dateutil expansion', () => {
    const expected = pythonStarts(cases);
    const mismatches = cases.flatMap((c, index) => {
      const actual = jsonStarts(c);
      return JSON.stringify(actual) === JSON.stringify(expected[index]) ? [] : [{ schedule: c.schedule, json: iso(actual), python: iso(expected[index]) }];
    });
    expect(mismatches.slice(0, 3)).toEqual([]);
  });

  it('JSON sessions equal the .ics as ical.js expands it (shrunk to the smallest failing schedule)', () => {
    fc.assert(
      fc.property(caseArbitrary, (c) => {
        fc.pre(!readsBySetPosWrong(c.schedule));
        expect(iso(icsStarts(c))).toEqual(iso(jsonStarts(c)));
      }),
      { seed: SEED, numRuns: RUNS }
    );
  });
});

/** A listed session: start and end (epoch ms), status, and a moved one's previous start. */
type Listed = [number, number, string, number | null];

/**
 * Random cancels, moves (another day or time, length or place) and extra sessions on the same random schedules,
 * kept when a save would accept them (validateSchedule, as the document middleware does).
 */
const changedArbitrary: fc.Arbitrary<Case> = fc
  .tuple(
    caseArbitrary,
    fc.array(
      fc.record({
        kind: fc.constantFrom('cancel', 'move', 'move', 'extra'),
        step: fc.integer({ min: 0, max: 20 }),
        days: fc.integer({ min: -3, max: 3 }),
        hour: fc.option(fc.integer({ min: 0, max: 23 })),
        minute: fc.constantFrom(0, 30),
        durationMinutes: fc.option(fc.constantFrom(30, 60, 150)),
        location: fc.option(fc.constant('Room 2')),
      }),
      { minLength: 1, maxLength: 4 }
    )
  )
  .map(([base, draws]): Case => {
    const first = Temporal.PlainDate.from(base.schedule.firstSessionDate);
    const monthly = base.schedule.repeats.startsWith('monthly');
    const interval = base.schedule.interval ?? 1;
    const sessionChanges: SessionChangeFields[] = draws.map((draw) => {
      const date = (monthly ? first.add({ months: draw.step * interval }) : first.add({ weeks: draw.step * interval })).toString();
      const startTime = draw.hour === null ? null : `${String(draw.hour).padStart(2, '0')}:${String(draw.minute).padStart(2, '0')}:00.000`;
      if (draw.kind === 'cancel') return { kind: 'cancel', date, reason: 'The facilitator is ill' };
      const moved = Temporal.PlainDate.from(date).add({ days: draw.days }).toString();
      if (draw.kind === 'extra') return { kind: 'extra', date: moved, startTime, durationMinutes: draw.durationMinutes };
      return { kind: 'move', date, newDate: draw.days === 0 ? null : moved, startTime, durationMinutes: draw.durationMinutes, location: draw.location };
    });
    return { ...base, schedule: { ...base.schedule, sessionChanges } };
  })
  .filter(({ schedule }) => validateSchedule(schedule, null, { today: Temporal.PlainDate.from('2026-11-28') }).length === 0);

const jsonListed = ({ schedule, from, to }: Case): Listed[] => {
  const compiled = compileSchedule(schedule);
  return sessionsToList(compiled, startsBetween(compiled, new Date(from), new Date(to)), new Date(from), new Date(to)).map((session) => [
    Date.parse(session.start), Date.parse(session.end), session.status, session.previousStart ? Date.parse(session.previousStart) : null,
  ]);
};

/** The .ics expanded by ical.js with its overrides (RECURRENCE-ID) and RDATEs, read the RFC 5545 way at DST changes. */
const icsListed = ({ schedule, from, to }: Case): Listed[] => {
  const text = buildCalendar(
    [{ documentId: 'case', title: 'Case', summary: '', url: 'https://counseling.example/programs/case', updatedAt: '2026-01-01T00:00:00Z', compiled: compileSchedule(schedule) }],
    { name: 'Case', organizerName: 'Test', uidDomain: 'counseling.example', now: new Date('2026-11-28T00:00:00Z') }
  );
  const calendar = new ICAL.Component(ICAL.parse(text));
  const [vtimezone] = calendar.getAllSubcomponents('vtimezone');
  ICAL.TimezoneService.register(new ICAL.Timezone(vtimezone), String(vtimezone.getFirstPropertyValue('tzid')));
  const changes = vtimezone.getAllSubcomponents('daylight').concat(vtimezone.getAllSubcomponents('standard')).flatMap((observance) => {
    const before = (observance.getFirstPropertyValue('tzoffsetfrom') as ICAL.UtcOffset).toSeconds() * 1000;
    const after = (observance.getFirstPropertyValue('tzoffsetto') as ICAL.UtcOffset).toSeconds() * 1000;
    const onset = observance.getFirstPropertyValue('dtstart') as ICAL.Time;
    const local = Date.UTC(onset.year, onset.month - 1, onset.day, onset.hour, onset.minute, onset.second);
    if (after === before) return [];
    return [after > before ? { start: local, end: local + after - before, before } : { start: local - (before - after), end: local, before }];
  });
  const msOf = (time: ICAL.Time) => {
    const wall = Date.UTC(time.year, time.month - 1, time.day, time.hour, time.minute, time.second);
    const change = changes.find((candidate) => wall >= candidate.start && wall < candidate.end);
    return change ? wall - change.before : time.toJSDate().getTime();
  };
  const [master, ...overrides] = calendar.getAllSubcomponents('vevent');
  const rdates = new Set(master.getAllProperties('rdate').flatMap((property) => property.getValues().map((value) => msOf(value as ICAL.Time))));
  const event = new ICAL.Event(master, { exceptions: overrides });
  // A local DTEND in a fall-back day's repeated hour names two instants (RFC 5545 reads the first): when both follow
  // the start the end is ambiguous, and it is not compared (-1); otherwise it is the one after the start.
  const endOf = (time: ICAL.Time, startMs: number) => {
    const after = [...new Set([msOf(time), time.toJSDate().getTime()])].filter((ms) => ms > startMs);
    return after.length === 1 ? after[0] : -1;
  };
  const masterStart = msOf(master.getFirstPropertyValue('dtstart') as ICAL.Time);
  const length = endOf(master.getFirstPropertyValue('dtend') as ICAL.Time, masterStart) - masterStart;
  const iterator = event.iterator();
  const listed: Listed[] = [];
  for (let next = iterator.next(); next; next = iterator.next()) {
    const details = event.getOccurrenceDetails(next);
    const original = msOf(details.recurrenceId);
    if (original > to + 400 * 86_400_000) break;
    const start = msOf(details.startDate);
    const status = details.item.component.getFirstPropertyValue('status') === 'CANCELLED' ? 'cancelled' : details.item.isRecurrenceException() && !rdates.has(original) ? 'moved' : 'scheduled';
    // ical.js adds a series' length in local time (a session over a DST change ends an hour off); RFC 5545 reads
    // the master's DTEND as an exact duration. An override has its own DTEND.
    const end = details.item.isRecurrenceException() ? endOf(details.endDate, start) : length < 0 ? -1 : start + length;
    if (start >= from && start < to) listed.push([start, end, status, status === 'moved' ? original : null]);
  }
  return listed.sort((a, b) => a[0] - b[0]);
};

describe(`${RUNS} random schedules with random cancels, moves and extra sessions`, () => {
  const cases = fc.sample(changedArbitrary, { seed: SEED, numRuns: RUNS });

  it('the generated changes cover what they claim', () => {
    const listed = cases.map(jsonListed).flat();
    const count = (status: string) => listed.filter((session) => session[2] === status).length;
    const extras = cases.filter((c) => c.schedule.sessionChanges!.some((change) => change.kind === 'extra')).length;
    expect(count('cancelled')).toBeGreaterThan(100);
    expect(count('moved')).toBeGreaterThan(100);
    expect(extras).toBeGreaterThan(50);
    process.stdout.write(`session changes: ${cases.length} schedules, ${listed.length} sessions listed, ${count('cancelled')} cancelled, ${count('moved')} moved, ${extras} with extras\n`);
  });

  it('JSON sessions (status, previous start) equal the python-dateutil expansion, session for session', () => {
    const expected = pythonStarts<Listed[]>(cases);
    const mismatches = cases.flatMap((c, index) => {
      const actual = jsonListed(c);
      return JSON.stringify(actual) === JSON.stringify(expected[index]) ? [] : [{ schedule: c.schedule, json: actual, python: expected[index] }];
    });
    expect(mismatches.slice(0, 3)).toEqual([]);
  });

  it('JSON sessions equal the .ics with its overrides as ical.js expands it', () => {
    const mismatches = cases
      .filter((c) => !readsBySetPosWrong(c.schedule))
      .flatMap((c) => {
        const ics = icsListed(c);
        const json = jsonListed(c).map((row, index): Listed => (ics[index]?.[1] === -1 ? [row[0], -1, row[2], row[3]] : row));
        if (JSON.stringify(json) === JSON.stringify(ics)) return [];
        const extra = ics.filter((row) => !json.some((other) => JSON.stringify(other) === JSON.stringify(row))).map((row) => [new Date(row[0]).toISOString(), ...row.slice(1)]);
        const missing = json.filter((row) => !ics.some((other) => JSON.stringify(other) === JSON.stringify(row))).map((row) => [new Date(row[0]).toISOString(), ...row.slice(1)]);
        return [{ schedule: JSON.stringify(c.schedule), extra: extra.slice(0, 2), missing: missing.slice(0, 2) }];
      });
    expect(mismatches.slice(0, 3)).toEqual([]);
  });
});
