import { RRuleTemporal } from 'rrule-temporal';
import { Temporal } from 'temporal-polyfill';

/**
 * Group schedules. Editors fill in plain fields (program.schedule); this module turns them into an RFC 5545
 * RRULE with EXDATEs and expands sessions with rrule-temporal, which works in Temporal.ZonedDateTime, so a
 * 6 pm group stays at 6 pm local time on both sides of a daylight-saving change. Everything here is pure.
 */

export type Repeats = 'once' | 'weekly' | 'monthly-by-weekday' | 'monthly-by-date';
export type WeeksOfMonth = 'first' | 'second' | 'third' | 'fourth' | 'last' | 'first-and-third' | 'second-and-fourth';
export type Ends = 'never' | 'after-sessions' | 'on-date';

export interface ScheduleFields {
  timezone?: string | null;
  firstSessionDate?: string | null;
  startTime?: string | null;
  durationMinutes?: number | null;
  repeats?: Repeats | null;
  interval?: number | null;
  weeksOfMonth?: WeeksOfMonth | null;
  ends?: Ends | null;
  sessionCount?: number | null;
  endDate?: string | null;
  skippedDates?: Array<{ date: string; reason?: string | null }> | null;
}

/** A schedule whose required fields are all present. */
export interface Schedule extends ScheduleFields {
  timezone: string;
  firstSessionDate: string;
  startTime: string;
  durationMinutes: number;
  repeats: Repeats;
  ends: Ends;
}

export interface Session {
  start: string;
  end: string;
}

export interface ScheduleProblem {
  path: string[];
  message: string;
}

const WEEKDAY_CODES = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'];
const WEEKDAY_NAMES = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const ORDINALS: Record<WeeksOfMonth, number[]> = {
  first: [1],
  second: [2],
  third: [3],
  fourth: [4],
  last: [-1],
  'first-and-third': [1, 3],
  'second-and-fourth': [2, 4],
};
const ORDINAL_WORDS: Record<number, string> = { 1: '1st', 2: '2nd', 3: '3rd', 4: '4th', [-1]: 'last' };
const MIN_DURATION = 15;
const MAX_DURATION = 480;
const MAX_SESSIONS = 520;

export const isValidTimeZone = (timeZone: string): boolean => {
  try {
    Temporal.Now.zonedDateTimeISO(timeZone);
    return /\//.test(timeZone) || timeZone === 'UTC';
  } catch {
    return false;
  }
};

const plainDate = (value: string) => Temporal.PlainDate.from(value.slice(0, 10));
const plainTime = (value: string) => Temporal.PlainTime.from(value.length === 5 ? `${value}:00` : value.slice(0, 8));

/** Which week of its month a date falls in: 1..5, and whether it is the last such weekday. */
const weekOfMonth = (date: Temporal.PlainDate) => ({
  nth: Math.ceil(date.day / 7),
  isLast: date.day + 7 > date.daysInMonth,
});

/** Problems an editor must fix, each with the field it concerns. Only fields that are present are checked. */
export const validateSchedule = (schedule: ScheduleFields, kind?: string | null): ScheduleProblem[] => {
  const problems: ScheduleProblem[] = [];
  const add = (field: string, message: string) => problems.push({ path: ['schedule', field], message });

  if (schedule.timezone && !isValidTimeZone(schedule.timezone)) {
    add('timezone', `"${schedule.timezone}" is not a time zone: use an IANA name such as America/New_York`);
  }
  if (schedule.durationMinutes != null && (schedule.durationMinutes < MIN_DURATION || schedule.durationMinutes > MAX_DURATION)) {
    add('durationMinutes', `Session length must be between ${MIN_DURATION} minutes and 8 hours`);
  }
  const repeats = schedule.repeats ?? 'weekly';
  const ends = schedule.ends ?? 'never';
  if (ends === 'after-sessions' && !schedule.sessionCount) add('sessionCount', 'Enter how many sessions the program has');
  if (ends === 'on-date' && !schedule.endDate) add('endDate', 'Enter the date of the last session');
  if (kind === 'group-therapy' && repeats !== 'once' && ends === 'never') {
    add('ends', 'Group therapy is time-limited: set a number of sessions (e.g. 8) or an end date');
  }
  if (schedule.sessionCount != null && (schedule.sessionCount < 1 || schedule.sessionCount > MAX_SESSIONS)) {
    add('sessionCount', `Number of sessions must be between 1 and ${MAX_SESSIONS}`);
  }
  if (schedule.firstSessionDate && schedule.endDate && ends === 'on-date') {
    if (Temporal.PlainDate.compare(plainDate(schedule.endDate), plainDate(schedule.firstSessionDate)) <= 0) {
      add('endDate', 'The end date must be after the first session');
    }
  }
  if (repeats === 'monthly-by-weekday') {
    if (!schedule.weeksOfMonth) add('weeksOfMonth', 'Choose which weeks of the month the group meets (e.g. 1st and 3rd)');
    else if (schedule.firstSessionDate) {
      const first = plainDate(schedule.firstSessionDate);
      const { nth, isLast } = weekOfMonth(first);
      const allowed = ORDINALS[schedule.weeksOfMonth];
      if (!allowed.some((ordinal) => ordinal === nth || (ordinal === -1 && isLast))) {
        add(
          'firstSessionDate',
          `${first.toString()} is not the ${allowed.map((ordinal) => ORDINAL_WORDS[ordinal]).join(' or ')} ${WEEKDAY_NAMES[first.dayOfWeek - 1]} of its month`
        );
      }
    }
  }
  return problems;
};

const untilInstant = (schedule: Schedule, date: string) =>
  plainDate(date).toZonedDateTime({ timeZone: schedule.timezone, plainTime: Temporal.PlainTime.from('23:59:59') }).toInstant();

const icsLocal = (dateTime: Temporal.PlainDateTime) =>
  dateTime.toString({ smallestUnit: 'second' }).replace(/[-:]/g, '');
const icsUtc = (instant: Temporal.Instant) => `${instant.toString({ smallestUnit: 'second' }).replace(/[-:]/g, '').replace(/Z$/, '')}Z`;

const firstStart = (schedule: Schedule) =>
  plainDate(schedule.firstSessionDate).toZonedDateTime({ timeZone: schedule.timezone, plainTime: plainTime(schedule.startTime) });

/** The recurrence without its end: FREQ, INTERVAL, BYDAY/BYMONTHDAY. */
const recurrenceParts = (schedule: Schedule): string[] => {
  const first = plainDate(schedule.firstSessionDate);
  const weekday = WEEKDAY_CODES[first.dayOfWeek - 1];
  const interval = Math.max(1, schedule.interval ?? 1);
  switch (schedule.repeats) {
    case 'once':
      return ['FREQ=DAILY', 'COUNT=1'];
    case 'weekly':
      return ['FREQ=WEEKLY', `INTERVAL=${interval}`, `BYDAY=${weekday}`];
    case 'monthly-by-weekday':
      return ['FREQ=MONTHLY', `INTERVAL=${interval}`, `BYDAY=${ORDINALS[schedule.weeksOfMonth ?? 'first'].map((ordinal) => `${ordinal}${weekday}`).join(',')}`];
    case 'monthly-by-date':
      return ['FREQ=MONTHLY', `INTERVAL=${interval}`, `BYMONTHDAY=${first.day}`];
  }
};

const skippedStarts = (schedule: Schedule) =>
  (schedule.skippedDates ?? []).map((skipped) =>
    plainDate(skipped.date).toZonedDateTime({ timeZone: schedule.timezone, plainTime: plainTime(schedule.startTime) })
  );

/** What we use of an RRuleTemporal, typed with this project's Temporal (the library is told to return it). */
interface Rule {
  all(iterator?: (date: Temporal.ZonedDateTime, index: number) => boolean): Temporal.ZonedDateTime[];
  between(after: Date, before: Date, inclusive: boolean): Temporal.ZonedDateTime[];
  next(after: Date, inclusive: boolean): Temporal.ZonedDateTime | null;
}

const buildRule = (schedule: Schedule, rrule: string): Rule =>
  // The library and temporal-polyfill ship different copies of the temporal-spec typings for the same objects.
  new RRuleTemporal({
    rruleString: rrule,
    dtstart: firstStart(schedule),
    exDate: skippedStarts(schedule),
    tzid: schedule.timezone,
    temporal: Temporal,
  } as unknown as ConstructorParameters<typeof RRuleTemporal>[0]) as unknown as Rule;

export interface CompiledSchedule {
  schedule: Schedule;
  /** RRULE value (without the "RRULE:" name), ending with COUNT or UNTIL where the schedule ends. */
  rrule: string;
  /** Local start times of skipped sessions, for EXDATE;TZID=... */
  exdates: Temporal.ZonedDateTime[];
  dtstart: Temporal.ZonedDateTime;
  rule: Rule;
}

/**
 * The RRULE for a schedule. "After N sessions" means N sessions actually held: with skipped dates, COUNT would
 * count the skipped ones too (RFC 5545 removes EXDATEs after COUNT), so the rule ends with the UNTIL of the
 * N-th session held instead.
 */
export const compileSchedule = (schedule: Schedule): CompiledSchedule => {
  const parts = recurrenceParts(schedule);
  const exdates = skippedStarts(schedule);
  if (schedule.repeats !== 'once') {
    if (schedule.ends === 'on-date' && schedule.endDate) parts.push(`UNTIL=${icsUtc(untilInstant(schedule, schedule.endDate))}`);
    if (schedule.ends === 'after-sessions' && schedule.sessionCount) {
      if (exdates.length === 0) parts.push(`COUNT=${schedule.sessionCount}`);
      else {
        const open = buildRule(schedule, parts.join(';'));
        const held = open.all((_, index) => index < schedule.sessionCount!);
        const last = held[held.length - 1];
        if (last) parts.push(`UNTIL=${icsUtc(last.toInstant())}`);
      }
    }
  }
  const rrule = parts.join(';');
  return { schedule, rrule, exdates, dtstart: firstStart(schedule), rule: buildRule(schedule, rrule) };
};

const toSession = (start: Temporal.ZonedDateTime, durationMinutes: number): Session => ({
  start: start.toString({ timeZoneName: 'never', smallestUnit: 'second' }),
  end: start.add({ minutes: durationMinutes }).toString({ timeZoneName: 'never', smallestUnit: 'second' }),
});

/** The session that starts at `epochMs`. */
export const sessionAt = (compiled: CompiledSchedule, epochMs: number): Session =>
  toSession(Temporal.Instant.fromEpochMilliseconds(epochMs).toZonedDateTimeISO(compiled.schedule.timezone), compiled.schedule.durationMinutes);

/** Start instants (epoch ms) of the sessions in [from, to). */
export const startsBetween = (compiled: CompiledSchedule, from: Date, to: Date): number[] =>
  compiled.rule.between(from, new Date(to.getTime() - 1), true).map((start) => start.epochMilliseconds);

/** The first session starting at or after `from` and before `to`, or null. */
export const nextSession = (compiled: CompiledSchedule, from: Date, to: Date): Session | null => {
  const next = compiled.rule.next(from, true);
  if (!next || next.epochMilliseconds >= to.getTime()) return null;
  return toSession(next, compiled.schedule.durationMinutes);
};

/** Sessions starting in [from, to), at most `limit`. */
export const sessionsBetween = (compiled: CompiledSchedule, from: Date, to: Date, limit: number): Session[] =>
  compiled.rule
    .between(from, new Date(to.getTime() - 1), true)
    .slice(0, limit)
    .map((start) => toSession(start, compiled.schedule.durationMinutes));

/** For programs that end: how many sessions start at or after `from`. Null for ongoing programs. */
export const sessionsRemaining = (compiled: CompiledSchedule, from: Date): number | null => {
  if (compiled.schedule.repeats !== 'once' && compiled.schedule.ends === 'never') return null;
  return compiled.rule.all().filter((start) => start.epochMilliseconds >= from.getTime()).length;
};

const formatTime = (time: Temporal.PlainTime, withMeridiem: boolean) => {
  const hour12 = time.hour % 12 === 0 ? 12 : time.hour % 12;
  const clock = `${hour12}:${String(time.minute).padStart(2, '0')}`;
  return withMeridiem ? `${clock} ${time.hour < 12 ? 'am' : 'pm'}` : clock;
};

/** "6:00–7:30 pm", "11:30 am–1:00 pm". */
export const timeRange = (startTime: string, durationMinutes: number) => {
  const start = plainTime(startTime);
  const end = start.add({ minutes: durationMinutes });
  const sameHalf = start.hour < 12 === end.hour < 12;
  return `${formatTime(start, !sameHalf)}–${formatTime(end, true)}`;
};

const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "June 30, 2027". */
const longDate = (date: string) => {
  const { year, month, day } = plainDate(date);
  return `${MONTH_NAMES[month - 1]} ${day}, ${year}`;
};

const ordinalDay = (day: number) => {
  const suffix = day % 10 === 1 && day !== 11 ? 'st' : day % 10 === 2 && day !== 12 ? 'nd' : day % 10 === 3 && day !== 13 ? 'rd' : 'th';
  return `${day}${suffix}`;
};

/** A sentence for people: "Every other Tuesday, 6:00–7:30 pm, 8 sessions". */
export const describeSchedule = (schedule: Schedule): string => {
  const first = plainDate(schedule.firstSessionDate);
  const weekday = WEEKDAY_NAMES[first.dayOfWeek - 1];
  const interval = Math.max(1, schedule.interval ?? 1);
  const times = timeRange(schedule.startTime, schedule.durationMinutes);
  let pattern: string;
  switch (schedule.repeats) {
    case 'once':
      return `Once, on ${weekday}, ${longDate(schedule.firstSessionDate)}, ${times}`;
    case 'weekly':
      pattern = interval === 1 ? `Every ${weekday}` : interval === 2 ? `Every other ${weekday}` : `Every ${interval} weeks on ${weekday}`;
      break;
    case 'monthly-by-weekday': {
      const which = ORDINALS[schedule.weeksOfMonth ?? 'first'].map((ordinal) => ORDINAL_WORDS[ordinal]).join(' and ');
      pattern = `The ${which} ${weekday} of ${interval === 1 ? 'each month' : `every ${interval} months`}`;
      break;
    }
    case 'monthly-by-date':
      pattern = interval === 1 ? `Monthly on the ${ordinalDay(first.day)}` : `Every ${interval} months on the ${ordinalDay(first.day)}`;
      break;
  }
  const end =
    schedule.ends === 'after-sessions' && schedule.sessionCount
      ? `, ${schedule.sessionCount} sessions`
      : schedule.ends === 'on-date' && schedule.endDate
        ? `, until ${longDate(schedule.endDate)}`
        : '';
  return `${pattern}, ${times}${end}`;
};

/** ICS lines for the schedule's start, recurrence and skipped dates. */
export const icsRecurrenceLines = (compiled: CompiledSchedule): string[] => {
  const { schedule } = compiled;
  const tz = schedule.timezone;
  const lines = [
    `DTSTART;TZID=${tz}:${icsLocal(compiled.dtstart.toPlainDateTime())}`,
    `DTEND;TZID=${tz}:${icsLocal(compiled.dtstart.add({ minutes: schedule.durationMinutes }).toPlainDateTime())}`,
  ];
  if (schedule.repeats !== 'once') lines.push(`RRULE:${compiled.rrule}`);
  if (compiled.exdates.length > 0) {
    lines.push(`EXDATE;TZID=${tz}:${compiled.exdates.map((exdate) => icsLocal(exdate.toPlainDateTime())).join(',')}`);
  }
  return lines;
};

export const weekdayOf = (schedule: Schedule) => WEEKDAY_NAMES[plainDate(schedule.firstSessionDate).dayOfWeek - 1];
export const ordinalsOf = (schedule: Schedule) => ORDINALS[schedule.weeksOfMonth ?? 'first'];

/** True when every field the recurrence needs is filled in. */
export const isComplete = (schedule: ScheduleFields | null | undefined): schedule is Schedule =>
  Boolean(schedule?.timezone && schedule.firstSessionDate && schedule.startTime && schedule.durationMinutes && schedule.repeats && schedule.ends);

/** The same rules as a Strapi service, for controllers and middlewares. */
export default () => ({
  validate: validateSchedule,
  compile: compileSchedule,
  describe: describeSchedule,
  isComplete,
});
