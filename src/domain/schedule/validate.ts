import { Temporal } from 'temporal-polyfill';
import { ORDINAL_WORDS, ORDINALS, WEEKDAY_NAMES, isComplete, ordinalDay, plainDate, type ScheduleFields } from './fields';
import { compileSchedule } from './recurrence';
import { sessionChangeProblems } from './session-changes';
import { canonicalTimeZone } from './time-zones';

/** The rules an editor's schedule must meet, each problem with the field it concerns. Pure. */

interface ScheduleProblem {
  path: string[];
  message: string;
}

const MIN_DURATION = 15;
const MAX_DURATION = 480;
const MAX_SESSIONS = 520;
/**
 * How far from today a schedule's dates may be: the first session at most 5 years ago and at most 10 years ahead,
 * the last session (the end date, or the last of N sessions) at most 10 years ahead. Expanding a schedule walks it
 * from its first session, and the recurrence library stops at 10,000 steps: a weekly series ending in 2300 broke
 * every list it was in.
 */
export const YEARS_BACK = 5;
export const YEARS_AHEAD = 10;

/** Which week of its month a date falls in: 1..5, and whether it is the last such weekday. */
export const weekOfMonth = (date: Temporal.PlainDate) => ({ nth: Math.ceil(date.day / 7), isLast: date.day + 7 > date.daysInMonth });

const isRealDate = (value: string) => {
  try {
    plainDate(value);
    return true;
  } catch {
    return false;
  }
};

/** Today's date in UTC, the day the date range is counted from. */
export const todayUtc = (now = new Date()) => Temporal.PlainDate.from(now.toISOString().slice(0, 10));

/** The first and last dates a schedule may use, counted from `today`. */
export const dateRange = (today: Temporal.PlainDate) => ({ earliest: today.subtract({ years: YEARS_BACK }), latest: today.add({ years: YEARS_AHEAD }) });

/** The schedule's dates outside the range counted from `today` (./validate's YEARS_BACK, YEARS_AHEAD). */
export const dateRangeProblems = (schedule: ScheduleFields, today: Temporal.PlainDate): ScheduleProblem[] => {
  const problems: ScheduleProblem[] = [];
  const add = (field: string, message: string) => problems.push({ path: ['schedule', field], message });
  const { earliest, latest } = dateRange(today);
  const first = schedule.firstSessionDate && isRealDate(schedule.firstSessionDate) ? plainDate(schedule.firstSessionDate) : null;
  if (first && Temporal.PlainDate.compare(first, earliest) < 0) {
    add('firstSessionDate', `The first session must be on or after ${earliest} (at most ${YEARS_BACK} years ago): for a group that has met longer, enter a recent session as its first`);
  }
  if (first && Temporal.PlainDate.compare(first, latest) > 0) add('firstSessionDate', `The first session must be on or before ${latest} (at most ${YEARS_AHEAD} years ahead)`);
  const repeats = schedule.repeats ?? 'weekly';
  const ends = schedule.ends ?? 'never';
  if (repeats === 'once') return problems;
  if (ends === 'on-date' && schedule.endDate && isRealDate(schedule.endDate) && Temporal.PlainDate.compare(plainDate(schedule.endDate), latest) > 0) {
    add('endDate', `The end date must be on or before ${latest} (at most ${YEARS_AHEAD} years ahead)`);
  }
  const count = schedule.sessionCount;
  if (problems.length === 0 && ends === 'after-sessions' && count != null && count >= 1 && count <= MAX_SESSIONS && isComplete(schedule)) {
    let last: Temporal.PlainDate | null = null;
    try {
      last = compileSchedule(schedule).lastDate;
    } catch {
      // An unreadable schedule is named by the rules below or by the Sessions panel.
    }
    if (last && Temporal.PlainDate.compare(last, latest) > 0) {
      add('sessionCount', `With ${count} sessions the last one would be on ${last}, after ${latest} (at most ${YEARS_AHEAD} years ahead): enter fewer sessions`);
    }
  }
  return problems;
};

/**
 * Problems an editor must fix. Only fields that are present are checked; a one-off session ignores how a series
 * ends, so a leftover end date or session count from an earlier choice does not block saving. Dates are checked
 * against the range counted from `today`.
 */
export const validateSchedule = (schedule: ScheduleFields, kind?: string | null, { today = todayUtc() }: { today?: Temporal.PlainDate } = {}): ScheduleProblem[] => {
  const problems: ScheduleProblem[] = [];
  const add = (field: string, message: string) => problems.push({ path: ['schedule', field], message });

  if (schedule.timezone && !canonicalTimeZone(schedule.timezone)) {
    add('timezone', `"${schedule.timezone}" is not a time zone: choose an IANA name such as America/New_York`);
  }
  if (schedule.durationMinutes != null && (schedule.durationMinutes < MIN_DURATION || schedule.durationMinutes > MAX_DURATION)) {
    add('durationMinutes', `Session length must be between ${MIN_DURATION} minutes and 8 hours`);
  }
  const repeats = schedule.repeats ?? 'weekly';
  const first = schedule.firstSessionDate && isRealDate(schedule.firstSessionDate) ? plainDate(schedule.firstSessionDate) : null;

  if (repeats !== 'once') {
    const ends = schedule.ends ?? 'never';
    if (ends === 'after-sessions' && schedule.sessionCount == null) add('sessionCount', 'Enter how many sessions the program has');
    else if (ends === 'after-sessions' && (schedule.sessionCount! < 1 || schedule.sessionCount! > MAX_SESSIONS)) {
      add('sessionCount', `Number of sessions must be between 1 and ${MAX_SESSIONS}`);
    }
    if (ends === 'on-date' && !schedule.endDate) add('endDate', 'Enter the date of the last session');
    if (kind === 'group-therapy' && ends === 'never') {
      add('ends', 'Group therapy is time-limited: set a number of sessions (e.g. 8) or an end date');
    }
    if (first && schedule.endDate && isRealDate(schedule.endDate) && ends === 'on-date' && Temporal.PlainDate.compare(plainDate(schedule.endDate), first) <= 0) {
      add('endDate', 'The end date must be after the first session');
    }
  }
  if (repeats === 'monthly-by-date' && first && first.day >= 29 && !schedule.shortMonths) {
    add('shortMonths', `Choose whether the group skips months without a ${ordinalDay(first.day)} or meets on their last day`);
  }
  if (repeats === 'monthly-by-weekday') {
    if (!schedule.weeksOfMonth) add('weeksOfMonth', 'Choose which weeks of the month the group meets (e.g. 1st and 3rd)');
    else if (first) {
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
  problems.push(...dateRangeProblems(schedule, today));
  // Session changes are read against the series: only once the series itself is right.
  if (problems.length === 0 && isComplete(schedule)) problems.push(...sessionChangeProblems(schedule, dateRange(today).latest));
  return problems;
};
