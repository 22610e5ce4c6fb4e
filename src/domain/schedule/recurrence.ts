import { RRuleTemporal } from 'rrule-temporal';
import { Temporal } from 'temporal-polyfill';
import { EMPTY_CHANGES, cancelledBetween, changedStartsBetween, compileChanges, type CompiledChanges } from './changes';
import { WEEKDAY_CODES, firstDate, intervalOf, meetsOnLastDay, ordinalsOf, plainDate, plainTime, type Schedule, type Session } from './fields';
import { canonicalTimeZone } from './time-zones';
import { instantOf, isoWithOffset, wallClockAt } from './zone';

/**
 * A schedule as an RFC 5545 recurrence, and its sessions. The pattern is expanded in wall-clock time
 * (rrule-temporal over UTC used as a clock without daylight saving), then each session's local date and start
 * time is placed in the program's zone the way RFC 5545 reads a local DTSTART and calendar apps show it: a time
 * that does not exist on a spring-forward day moves forward by the gap (02:30 → 03:30 EDT) and is still held, a
 * time that occurs twice is the first one. One session's move never moves another. Pure.
 */

export interface CompiledSchedule {
  schedule: Schedule;
  timeZone: string;
  /** RRULE value (without "RRULE:"), ending with COUNT or UNTIL where the schedule ends. */
  rrule: string;
  /** The editor's first start in wall-clock time: DTSTART;TZID=... as written, even inside a gap. */
  dtstart: Temporal.PlainDateTime;
  /** Wall-clock starts of skipped sessions, for EXDATE;TZID=... (they match the instances clients generate). */
  exdates: Temporal.PlainDateTime[];
  /** The last local date a session may fall on; null for a series that never ends. */
  lastDate: Temporal.PlainDate | null;
  /**
   * The repeating pattern's rule (no COUNT or UNTIL: ends are applied by `lastDate`), or null for a one-off. The
   * expander is built from it when sessions are expanded rather than kept: thousands of programs stay compiled.
   */
  patternRule: string | null;
  skipped: Set<string>;
  /** Sessions cancelled, moved or added (./changes): overrides of the series, which keeps its rule. */
  changes: CompiledChanges;
}

/** What we use of an RRuleTemporal, typed with this project's Temporal (the library is told to return it). */
interface Pattern {
  all(iterator: (date: Temporal.ZonedDateTime, index: number) => boolean): Temporal.ZonedDateTime[];
  between(after: Date, before: Date, inclusive: boolean): Temporal.ZonedDateTime[];
}

const FLOATING = 'UTC';
const MARGIN = { days: 2 };

/** The recurrence without its end: FREQ, INTERVAL, BYDAY / BYMONTHDAY. */
const patternParts = (schedule: Schedule): string[] => {
  const first = firstDate(schedule);
  const weekday = WEEKDAY_CODES[first.dayOfWeek - 1];
  const interval = `INTERVAL=${intervalOf(schedule)}`;
  switch (schedule.repeats) {
    case 'once':
      return ['FREQ=DAILY', 'COUNT=1'];
    case 'weekly':
      return ['FREQ=WEEKLY', interval, `BYDAY=${weekday}`];
    case 'monthly-by-weekday':
      return ['FREQ=MONTHLY', interval, `BYDAY=${ordinalsOf(schedule).map((ordinal) => `${ordinal}${weekday}`).join(',')}`];
    case 'monthly-by-date':
      if (!meetsOnLastDay(schedule)) return ['FREQ=MONTHLY', interval, `BYMONTHDAY=${first.day}`];
      // The 31st or the month's last day; the 29th/30th or the last day of a shorter month.
      if (first.day === 31) return ['FREQ=MONTHLY', interval, 'BYMONTHDAY=-1'];
      return ['FREQ=MONTHLY', interval, `BYMONTHDAY=${Array.from({ length: first.day - 27 }, (_, index) => 28 + index).join(',')}`, 'BYSETPOS=-1'];
  }
};

const buildPattern = (rule: string, dtstart: Temporal.PlainDateTime): Pattern =>
  // The library and temporal-polyfill ship different copies of the temporal-spec typings for the same objects.
  new RRuleTemporal({
    rruleString: rule,
    dtstart: dtstart.toZonedDateTime(FLOATING),
    tzid: FLOATING,
    temporal: Temporal,
  } as unknown as ConstructorParameters<typeof RRuleTemporal>[0]) as unknown as Pattern;

const icsUtc = (epochMs: number) => `${new Date(epochMs).toISOString().slice(0, 19).replace(/[-:]/g, '')}Z`;
const asFloatingDate = (wallClock: Temporal.PlainDateTime) => new Date(wallClock.toZonedDateTime(FLOATING).epochMilliseconds);

/** The N-th session held (skipped dates do not count): the date a series "after N sessions" ends on. */
const nthHeld = (pattern: Pattern, count: number, skipped: Set<string>) => {
  let held = 0;
  let last: Temporal.PlainDate | null = null;
  pattern.all((date) => {
    if (skipped.has(date.toPlainDate().toString())) return true;
    held += 1;
    last = date.toPlainDate();
    return held < count;
  });
  return last as Temporal.PlainDate | null;
};

/**
 * The recurrence of a schedule. "After N sessions" means N sessions actually held: with skipped dates, COUNT would
 * count the skipped ones too (RFC 5545 removes EXDATEs after COUNT), so the rule then ends with the UNTIL of the
 * N-th session held instead.
 */
export const compileSchedule = (schedule: Schedule): CompiledSchedule => {
  const timeZone = canonicalTimeZone(schedule.timezone) ?? schedule.timezone;
  const startTime = plainTime(schedule.startTime);
  const dtstart = firstDate(schedule).toPlainDateTime(startTime);
  // A one-off session has nothing to skip: cancelling it is what `cancelled` is for.
  const skippedDates = schedule.repeats === 'once' ? [] : [...new Set((schedule.skippedDates ?? []).map((skipped) => plainDate(skipped.date).toString()))].sort();
  const skipped = new Set(skippedDates);
  const exdates = skippedDates.map((date) => Temporal.PlainDate.from(date).toPlainDateTime(startTime));
  const compiled = { schedule, timeZone, dtstart, exdates, skipped, changes: EMPTY_CHANGES };
  const parts = patternParts(schedule);
  if (schedule.repeats === 'once') {
    return withChanges({ ...compiled, rrule: parts.join(';'), lastDate: dtstart.toPlainDate(), patternRule: null });
  }
  const patternRule = parts.join(';');
  const pattern = buildPattern(patternRule, dtstart);
  let lastDate: Temporal.PlainDate | null = null;
  if (schedule.ends === 'on-date' && schedule.endDate) {
    lastDate = plainDate(schedule.endDate);
    parts.push(`UNTIL=${icsUtc(instantOf(timeZone, lastDate.toPlainDateTime(Temporal.PlainTime.from('23:59:59'))))}`);
  } else if (schedule.ends === 'after-sessions' && schedule.sessionCount) {
    lastDate = nthHeld(pattern, schedule.sessionCount, skipped);
    if (skipped.size === 0) parts.push(`COUNT=${schedule.sessionCount}`);
    else if (lastDate) parts.push(`UNTIL=${icsUtc(instantOf(timeZone, lastDate.toPlainDateTime(startTime)))}`);
  }
  return withChanges({ ...compiled, rrule: parts.join(';'), lastDate, patternRule });
};

/** The series' wall-clock start on a local date (skipped dates and the end applied, changes not), or null. */
export const seriesSessionOn = (compiled: CompiledSchedule, date: Temporal.PlainDate): Temporal.PlainDateTime | null =>
  wallClockStarts({ ...compiled, changes: EMPTY_CHANGES }, date.toPlainDateTime(), date.toPlainDateTime(Temporal.PlainTime.from('23:59:59')))[0] ?? null;

const withChanges = (compiled: CompiledSchedule): CompiledSchedule => ({
  ...compiled,
  changes: compileChanges(compiled.schedule, compiled.timeZone, (date) => seriesSessionOn(compiled, date)),
});

/** Wall-clock starts of the series' sessions between two wall-clock times (inclusive), in order, without those cancelled or moved. */
const wallClockStarts = (compiled: CompiledSchedule, from: Temporal.PlainDateTime, to: Temporal.PlainDateTime) => {
  const pattern = compiled.patternRule === null ? null : buildPattern(compiled.patternRule, compiled.dtstart);
  const candidates = pattern
    ? pattern.between(asFloatingDate(from), asFloatingDate(to), true).map((date) => date.toPlainDateTime())
    : [compiled.dtstart].filter((start) => Temporal.PlainDateTime.compare(start, from) >= 0 && Temporal.PlainDateTime.compare(start, to) <= 0);
  return candidates.filter(
    (start) =>
      !compiled.skipped.has(start.toPlainDate().toString()) &&
      !compiled.changes.changedDates.has(start.toPlainDate().toString()) &&
      (compiled.lastDate === null || Temporal.PlainDate.compare(start.toPlainDate(), compiled.lastDate) <= 0)
  );
};

const ascending = (starts: number[]) => starts.sort((a, b) => a - b);

/** Start instants (epoch ms) of the sessions held in [from, to) (moved ones at their new start, extras included). */
export const startsBetween = (compiled: CompiledSchedule, from: Date, to: Date): number[] => {
  const series = wallClockStarts(compiled, wallClockAt(compiled.timeZone, from.getTime()).subtract(MARGIN), wallClockAt(compiled.timeZone, to.getTime()).add(MARGIN))
    .map((start) => instantOf(compiled.timeZone, start))
    .filter((start) => start >= from.getTime() && start < to.getTime());
  const changed = changedStartsBetween(compiled.changes, from.getTime(), to.getTime());
  return changed.length === 0 ? series : ascending([...series, ...changed]);
};

/** Every start of a series that ends, per compiled schedule (immutable): a feed item counts what remains on each answer. */
const allStartsOf = new WeakMap<CompiledSchedule, Float64Array>();

/** Start instants (epoch ms) of every session of a series that ends, ascending; null for one that never does. */
const allStarts = (compiled: CompiledSchedule): Float64Array | null => {
  if (compiled.lastDate === null) return null;
  const known = allStartsOf.get(compiled);
  if (known) return known;
  const series = wallClockStarts(compiled, compiled.dtstart, compiled.lastDate.toPlainDateTime(Temporal.PlainTime.from('23:59:59'))).map((start) =>
    instantOf(compiled.timeZone, start)
  );
  const starts = Float64Array.from(ascending([...series, ...changedStartsBetween(compiled.changes, -Infinity, Infinity)]));
  allStartsOf.set(compiled, starts);
  return starts;
};

/** How many of the ascending `starts` are at or after `fromMs` (binary search). */
const countFrom = (starts: Float64Array, fromMs: number): number => {
  let low = 0;
  let high = starts.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (starts[middle] < fromMs) low = middle + 1;
    else high = middle;
  }
  return starts.length - low;
};

/** The session held at `epochMs`, in local time with its offset: scheduled, or moved there (with its previous start). */
export const sessionAt = (compiled: CompiledSchedule, epochMs: number): Session => {
  const change = compiled.changes.byStart.get(epochMs);
  const minutes = change?.durationMinutes ?? compiled.schedule.durationMinutes;
  const session: Session = {
    start: isoWithOffset(compiled.timeZone, epochMs),
    end: isoWithOffset(compiled.timeZone, epochMs + minutes * 60000),
    status: change?.kind === 'move' ? 'moved' : 'scheduled',
  };
  if (change?.kind === 'move') session.previousStart = isoWithOffset(compiled.timeZone, change.originalStartMs);
  if (change?.kind === 'extra') session.extra = true;
  if (change?.reason) session.reason = change.reason;
  if (change?.location) session.location = change.location;
  return session;
};

/**
 * The sessions to list in [from, to): those held (`heldStarts`, as `startsBetween` gives them) and those cancelled
 * there, at their original time with the reason, in order of start, the first `limit` of them. A cancelled session is
 * listed until its time has passed, like the others.
 */
export const sessionsToList = (compiled: CompiledSchedule, heldStarts: number[], from: Date, to: Date, limit = Infinity): Session[] => {
  const cancelled = cancelledBetween(compiled.changes, from.getTime(), to.getTime());
  // The first `limit` listed hold at most `limit` held ones: only those are formatted.
  const held = heldStarts.slice(0, limit).map((start) => ({ startMs: start, session: sessionAt(compiled, start) }));
  if (cancelled.length === 0) return held.map(({ session }) => session);
  const listed = cancelled.map((change) => {
    const session: Session = {
      start: isoWithOffset(compiled.timeZone, change.startMs),
      end: isoWithOffset(compiled.timeZone, change.startMs + change.durationMinutes * 60000),
      status: 'cancelled',
    };
    if (change.reason) session.reason = change.reason;
    return { startMs: change.startMs, session };
  });
  return [...held, ...listed]
    .sort((a, b) => a.startMs - b.startMs)
    .slice(0, limit)
    .map(({ session }) => session);
};

/** For programs that end: how many sessions start at or after `from`. Null for ongoing programs. */
export const sessionsRemaining = (compiled: CompiledSchedule, from: Date): number | null => {
  const all = allStarts(compiled);
  return all && countFrom(all, from.getTime());
};
