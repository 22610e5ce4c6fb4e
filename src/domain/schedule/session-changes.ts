import { Temporal } from 'temporal-polyfill';
import { plainDate, plainTime, type Schedule, type SessionChangeFields } from './fields';
import { compileSchedule, seriesSessionOn, type CompiledSchedule } from './recurrence';
import { instantOf, wallClockAt } from './zone';

/**
 * The rules one session's change must meet, each problem on its field (schedule.sessionChanges.<n>.<field>): a
 * cancel or move names a session of the series; a move says what changes and lands neither on another session's
 * day nor outside the series; a new time exists on its day (not in a spring-forward gap); an extra falls on a day
 * without a session, within the series. Pure.
 */

interface Problem {
  path: string[];
  message: string;
}

export const MAX_SESSION_CHANGES = 200;

const realDate = (value: string | null | undefined) => {
  if (!value) return null;
  try {
    return plainDate(value);
  } catch {
    return null;
  }
};

/** The first and last dates a session of the series may be on: sessions moved or added stay within them. */
const seriesBounds = (compiled: CompiledSchedule, latest: Temporal.PlainDate) => {
  const { schedule } = compiled;
  const first = plainDate(schedule.firstSessionDate);
  const onDate = schedule.repeats !== 'once' && schedule.ends === 'on-date' && schedule.endDate ? plainDate(schedule.endDate) : null;
  const last = onDate ?? (schedule.repeats === 'once' ? null : compiled.lastDate) ?? latest;
  return { first, last: Temporal.PlainDate.compare(last, latest) > 0 ? latest : last };
};

const inGap = (timeZone: string, wallClock: Temporal.PlainDateTime) => !wallClockAt(timeZone, instantOf(timeZone, wallClock)).equals(wallClock);

const hhmm = (time: Temporal.PlainTime) => time.toString({ smallestUnit: 'minute' });

export const sessionChangeProblems = (schedule: Schedule, latest: Temporal.PlainDate): Problem[] => {
  const entries = (schedule.sessionChanges ?? []) as SessionChangeFields[];
  if (entries.length === 0) return [];
  const problems: Problem[] = [];
  const add = (index: number | null, field: string | null, message: string) =>
    problems.push({ path: ['schedule', 'sessionChanges', ...(index === null ? [] : [String(index)]), ...(field ? [field] : [])], message });
  if (entries.length > MAX_SESSION_CHANGES) {
    add(null, null, `At most ${MAX_SESSION_CHANGES} session changes: for a new pattern, change the schedule itself`);
    return problems;
  }
  let compiled: CompiledSchedule;
  try {
    compiled = compileSchedule({ ...schedule, sessionChanges: [] });
  } catch {
    return problems;
  }
  const { timeZone } = compiled;
  const { first, last } = seriesBounds(compiled, latest);
  const outside = (date: Temporal.PlainDate) => Temporal.PlainDate.compare(date, first) < 0 || Temporal.PlainDate.compare(date, last) > 0;
  const within = `the series (${first} to ${last})`;
  const series = new Map<number, Temporal.PlainDateTime | null>();
  const sessionOn = (date: Temporal.PlainDate) => seriesSessionOn(compiled, date);

  // First pass: which series dates are cancelled or moved away, so a move may land on a date freed by another.
  const about = new Map<string, number>();
  entries.forEach((entry, index) => {
    const date = realDate(entry.date);
    if (!entry.kind) add(index, 'kind', 'Choose what happens: cancel, move or extra');
    if (!date) return add(index, 'date', entry.date ? `"${entry.date}" is not a date` : 'Enter the date of the session');
    if (entry.kind === 'extra' || !entry.kind) return;
    const key = date.toString();
    if (about.has(key)) return add(index, 'date', `Session change ${about.get(key)! + 1} is already about ${key}: one change per session`);
    about.set(key, index);
    if (compiled.skipped.has(key)) return add(index, 'date', `${key} is a skipped date: the group does not meet then`);
    const session = sessionOn(date);
    series.set(index, session);
    if (!session) add(index, 'date', `${key} is not a session of this series: choose one of its dates`);
  });

  // Dates whose session is cancelled or moved to another day; a session moved within its own day keeps it.
  const freed = new Set(
    [...about.entries()]
      .filter(([date, index]) => series.get(index) && (entries[index].kind === 'cancel' || (entries[index].newDate && realDate(entries[index].newDate)?.toString() !== date)))
      .map(([date]) => date)
  );
  const taken = new Map<string, string>();
  const claim = (index: number, field: string, date: Temporal.PlainDate, what: string) => {
    const key = date.toString();
    const busy = taken.get(key) ?? (!freed.has(key) && sessionOn(date) ? 'a session of the series' : undefined);
    if (busy) return add(index, field, `${key} already has ${busy}: choose another date`), false;
    taken.set(key, what);
    return true;
  };
  const timeOf = (index: number, entry: SessionChangeFields, fallback: Temporal.PlainTime) => {
    if (!entry.startTime) return fallback;
    try {
      return plainTime(entry.startTime);
    } catch {
      add(index, 'startTime', `"${entry.startTime}" is not a time`);
      return null;
    }
  };

  entries.forEach((entry, index) => {
    const date = realDate(entry.date);
    if (!date || !entry.kind) return;
    if (entry.kind === 'cancel') {
      if (series.get(index) && !entry.reason?.trim()) add(index, 'reason', 'Tell readers why this session is cancelled');
      return;
    }
    const original = entry.kind === 'move' ? series.get(index) : null;
    if (entry.kind === 'move' && !original) return;
    const target = entry.kind === 'move' ? (entry.newDate ? realDate(entry.newDate) : date) : date;
    const targetField = entry.kind === 'move' && entry.newDate ? 'newDate' : 'date';
    if (!target) return add(index, 'newDate', `"${entry.newDate}" is not a date`);
    const time = timeOf(index, entry, original?.toPlainTime() ?? plainTime(schedule.startTime));
    if (!time) return;
    const length = entry.durationMinutes;
    if (length != null && (!Number.isInteger(length) || length < 15 || length > 480)) {
      return add(index, 'durationMinutes', 'A session lasts 15 to 480 minutes, in whole minutes');
    }
    if (original) {
      const sameStart = original.equals(target.toPlainDateTime(time));
      const sameLength = entry.durationMinutes == null || entry.durationMinutes === schedule.durationMinutes;
      if (sameStart && sameLength && !entry.location?.trim()) return add(index, 'newDate', 'Say what changes: a new date, start time, length or place');
    }
    if (outside(target)) return add(index, targetField, `${target} is outside ${within}: ${entry.kind === 'move' ? 'move the session' : 'add the session'} within it, or change the series' dates`);
    if (inGap(timeZone, target.toPlainDateTime(time))) {
      return add(index, 'startTime', `${hhmm(time)} does not exist on ${target} in ${timeZone} (the clocks go forward): choose another time`);
    }
    // An extra at the very start of a session cancelled or moved away would share its RECURRENCE-ID in calendars.
    const freedSession = entry.kind === 'extra' && freed.has(target.toString()) ? sessionOn(target) : null;
    if (freedSession && freedSession.toPlainTime().equals(time)) {
      return add(index, 'startTime', `The session of ${target} at ${hhmm(time)} is cancelled or moved: to hold it after all, remove its change`);
    }
    const isOwnDay = original && target.equals(original.toPlainDate());
    if (!isOwnDay) claim(index, targetField, target, entry.kind === 'move' ? `the session moved from ${date}` : 'an extra session');
  });
  return problems;
};
