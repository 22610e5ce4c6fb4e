import { Temporal } from 'temporal-polyfill';
import { ORDINAL_WORDS, ORDINALS, WEEKDAY_NAMES, ordinalDay, plainDate, type ScheduleFields } from './fields';
import { canonicalTimeZone } from './time-zones';

/** The rules an editor's schedule must meet, each problem with the field it concerns. Pure. */

interface ScheduleProblem {
  path: string[];
  message: string;
}

const MIN_DURATION = 15;
const MAX_DURATION = 480;
const MAX_SESSIONS = 520;

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

/**
 * Problems an editor must fix. Only fields that are present are checked; a one-off session ignores how a series
 * ends, so a leftover end date or session count from an earlier choice does not block saving.
 */
export const validateSchedule = (schedule: ScheduleFields, kind?: string | null): ScheduleProblem[] => {
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
    if (first && schedule.endDate && ends === 'on-date' && Temporal.PlainDate.compare(plainDate(schedule.endDate), first) <= 0) {
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
  return problems;
};
