import { Temporal } from 'temporal-polyfill';

/** The editor's schedule fields (component program.schedule) and the words used to read them. Pure. */

export type Repeats = 'once' | 'weekly' | 'monthly-by-weekday' | 'monthly-by-date';
export type WeeksOfMonth = 'first' | 'second' | 'third' | 'fourth' | 'last' | 'first-and-third' | 'second-and-fourth';
export type Ends = 'never' | 'after-sessions' | 'on-date';
/** Monthly on the 29th, 30th or 31st: skip the months without that day, or meet on their last day. */
export type ShortMonths = 'skip' | 'last-day';

export interface ScheduleFields {
  timezone?: string | null;
  firstSessionDate?: string | null;
  startTime?: string | null;
  durationMinutes?: number | null;
  repeats?: Repeats | null;
  interval?: number | null;
  weeksOfMonth?: WeeksOfMonth | null;
  shortMonths?: ShortMonths | null;
  ends?: Ends | null;
  sessionCount?: number | null;
  endDate?: string | null;
  skippedDates?: Array<{ date: string; reason?: string | null }> | null;
  sessionChanges?: SessionChangeFields[] | null;
}

/**
 * One session changed (component program.session-change): `cancel` the session of `date` (readers see `reason`),
 * `move` it (to `newDate`, `startTime`, `durationMinutes`, `location`: each defaults to the session's own), or an
 * `extra` session on `date`. Skipped dates are days the series never meets; a cancelled session was planned.
 */
export type SessionChangeKind = 'cancel' | 'move' | 'extra';
export interface SessionChangeFields {
  kind?: SessionChangeKind | null;
  date?: string | null;
  newDate?: string | null;
  startTime?: string | null;
  durationMinutes?: number | null;
  location?: string | null;
  reason?: string | null;
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

export type SessionStatus = 'scheduled' | 'cancelled' | 'moved';

export interface Session {
  start: string;
  end: string;
  status: SessionStatus;
  /** A moved session's original start. */
  previousStart?: string;
  /** An extra session, added to the series. */
  extra?: boolean;
  /** Why it was cancelled or moved, for readers. */
  reason?: string;
  /** Where a moved or extra session meets, when not where the program does. */
  location?: string;
}

export const WEEKDAY_CODES = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'];
export const WEEKDAY_NAMES = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
/** RFC 5545 BYDAY ordinals of each choice: -1 is the last such weekday of the month. */
export const ORDINALS: Record<WeeksOfMonth, number[]> = {
  first: [1],
  second: [2],
  third: [3],
  fourth: [4],
  last: [-1],
  'first-and-third': [1, 3],
  'second-and-fourth': [2, 4],
};
export const ORDINAL_WORDS: Record<number, string> = { 1: '1st', 2: '2nd', 3: '3rd', 4: '4th', [-1]: 'last' };

export const plainDate = (value: string) => Temporal.PlainDate.from(value.slice(0, 10));
export const plainTime = (value: string) => Temporal.PlainTime.from(value.length === 5 ? `${value}:00` : value.slice(0, 8));

export const firstDate = (schedule: Schedule) => plainDate(schedule.firstSessionDate);
export const weekdayOf = (schedule: Schedule) => WEEKDAY_NAMES[firstDate(schedule).dayOfWeek - 1];
export const ordinalsOf = (schedule: Schedule) => ORDINALS[schedule.weeksOfMonth ?? 'first'];
export const intervalOf = (schedule: ScheduleFields) => Math.max(1, schedule.interval ?? 1);

/** Monthly on a date that some months lack (29th-31st), met on those months' last day. */
export const meetsOnLastDay = (schedule: Schedule) =>
  schedule.repeats === 'monthly-by-date' && firstDate(schedule).day >= 29 && schedule.shortMonths === 'last-day';

/** True when every field the recurrence needs is filled in. */
export const isComplete = (schedule: ScheduleFields | null | undefined): schedule is Schedule =>
  Boolean(schedule?.timezone && schedule.firstSessionDate && schedule.startTime && schedule.durationMinutes && schedule.repeats && schedule.ends);

/** 1st, 2nd, 3rd, 4th... 11th, 12th, 13th... 21st, 31st. */
export const ordinalDay = (day: number) => {
  const suffix = day % 10 === 1 && day !== 11 ? 'st' : day % 10 === 2 && day !== 12 ? 'nd' : day % 10 === 3 && day !== 13 ? 'rd' : 'th';
  return `${day}${suffix}`;
};
