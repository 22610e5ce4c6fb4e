import { type Temporal } from 'temporal-polyfill';
import { describeSchedule, timeRange } from './describe';
import { isComplete, ORDINAL_WORDS, ORDINALS, WEEKDAY_NAMES, plainDate, type Schedule, type ScheduleFields, type SessionStatus } from './fields';
import { compileSchedule, sessionsRemaining, sessionsToList, startsBetween, type CompiledSchedule } from './recurrence';
import { dateRangeProblems, todayUtc, validateSchedule, weekOfMonth } from './validate';
import { offsetAt, transitionsBetween, wallClockAt } from './zone';

/**
 * What the editors' "Sessions" panel shows for a schedule as it is in the form, before saving: the next sessions,
 * how many remain and the last one, the reader's summary, and warnings each with the fix one click away. The same
 * schedule code the feed uses. Pure: public holidays come in as a lookup.
 */
export interface PanelSession {
  date: string;
  weekday: string;
  /** "6:00–7:30 pm" as the editor set it, or the held time on a day the clocks skip the start time. */
  time: string;
  start: string;
  /** Set when the start time does not exist that day: where the session is held instead. */
  heldAt?: string;
  /** With the form's session changes applied: cancelled sessions are listed at their time, with the reason. */
  status: SessionStatus;
  /** The series date this session is about (a moved session's own date): what a cancel or move names. */
  sessionDate: string;
  /** A moved session's original start. */
  previousStart?: string;
  extra?: boolean;
  reason?: string;
  location?: string;
}

export type Fix =
  | { label: string; skippedDates: Array<{ date: string; reason: string }> }
  | { label: string; firstSessionDate: string }
  | { label: string; ends: 'after-sessions'; sessionCount: number };

export interface Warning {
  kind: 'holiday' | 'dst' | 'first-date' | 'no-end';
  message: string;
  dates?: Array<{ date: string; note: string }>;
  fix?: Fix;
}

export interface PanelAnswer {
  complete: boolean;
  summary: string | null;
  problems: Array<{ field: string; message: string }>;
  sessions: PanelSession[];
  /** Sessions from now on; null for a series that never ends. */
  remaining: number | null;
  lastSession: string | null;
  warnings: Warning[];
  /** Set by the preview route: why the program's published version is left out of the public feed, if it is. */
  leftOut?: string | null;
}

export interface PanelInput {
  schedule: ScheduleFields;
  kind?: string | null;
  now: Date;
  /** The public holiday on a local date (YYYY-MM-DD), if any. */
  holidayOn: (date: string) => string | null;
  shown?: number;
}

const HORIZON_DAYS = 2 * 366;
const DAY_MS = 24 * 60 * 60 * 1000;
const THERAPY_SESSIONS = 8;

const minutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** The first date on or after `from` that is one of the chosen weeks of the month on the same weekday. */
export const nextMatchingDate = (from: Temporal.PlainDate, weeks: number[]): Temporal.PlainDate => {
  let date = from;
  for (let step = 0; step < 60; step += 1, date = date.add({ days: 7 })) {
    const { nth, isLast } = weekOfMonth(date);
    if (weeks.some((ordinal) => ordinal === nth || (ordinal === -1 && isLast))) return date;
  }
  return from;
};

const describeShift = (before: number, after: number) => {
  const hours = Math.abs(after - before) / 3_600_000;
  return `clocks go ${after > before ? 'forward' : 'back'} ${hours === 1 ? 'one hour' : `${hours} hours`}`;
};

const firstDateWarning = (schedule: ScheduleFields): Warning | null => {
  if (schedule.repeats !== 'monthly-by-weekday' || !schedule.weeksOfMonth || !schedule.firstSessionDate) return null;
  const first = plainDate(schedule.firstSessionDate);
  const weeks = ORDINALS[schedule.weeksOfMonth];
  const { nth, isLast } = weekOfMonth(first);
  if (weeks.some((ordinal) => ordinal === nth || (ordinal === -1 && isLast))) return null;
  const suggested = nextMatchingDate(first, weeks);
  const weekday = WEEKDAY_NAMES[first.dayOfWeek - 1];
  return {
    kind: 'first-date',
    message: `${first.toString()} is not the ${weeks.map((ordinal) => ORDINAL_WORDS[ordinal]).join(' or ')} ${weekday} of its month.`,
    fix: { label: `Start on ${weekday} ${suggested.toString()}`, firstSessionDate: suggested.toString() },
  };
};

const noEndWarning = (schedule: ScheduleFields, kind?: string | null): Warning | null =>
  kind === 'group-therapy' && schedule.repeats !== 'once' && (schedule.ends ?? 'never') === 'never'
    ? {
        kind: 'no-end',
        message: 'Group therapy is time-limited, but this schedule never ends.',
        fix: { label: `End after ${THERAPY_SESSIONS} sessions`, ends: 'after-sessions', sessionCount: THERAPY_SESSIONS },
      }
    : null;

const holidayWarning = (sessions: PanelSession[], holidayOn: PanelInput['holidayOn']): Warning | null => {
  const dates = sessions.flatMap((session) => {
    const name = holidayOn(session.date);
    return name ? [{ date: session.date, note: name }] : [];
  });
  if (dates.length === 0) return null;
  return {
    kind: 'holiday',
    message: `${dates.length === 1 ? 'A session falls' : `${dates.length} sessions fall`} on a public holiday.`,
    dates,
    fix: { label: 'Skip these dates', skippedDates: dates.map(({ date, note }) => ({ date, reason: note })) },
  };
};

const dstWarning = (compiled: CompiledSchedule, fromMs: number, toMs: number): Warning | null => {
  const changes = transitionsBetween(compiled.timeZone, fromMs, toMs);
  if (changes.length === 0) return null;
  return {
    kind: 'dst',
    message: 'The clocks change while this program runs. Sessions stay at the same local time; members joining online from other time zones will see them move by an hour.',
    dates: changes.map((change) => ({
      date: wallClockAt(compiled.timeZone, change.epochMs).toPlainDate().toString(),
      note: describeShift(offsetAt(compiled.timeZone, change.epochMs - 1), offsetAt(compiled.timeZone, change.epochMs)),
    })),
  };
};

/** The sessions from now, how many remain, the last one and the warnings about them, of a schedule that compiles. */
const expand = ({ schedule, now, holidayOn, shown = 10 }: PanelInput & { schedule: Schedule }) => {
  const compiled = compileSchedule(schedule);
  const from = now.getTime();
  const lastDate = compiled.lastDate;
  const until = lastDate ? Date.parse(`${lastDate.add({ days: 2 }).toString()}T00:00:00Z`) : from + HORIZON_DAYS * DAY_MS;
  const starts = startsBetween(compiled, now, new Date(Math.max(until, from + DAY_MS)));
  const expected = minutes(schedule.startTime);
  const localOf = (iso: string) => wallClockAt(compiled.timeZone, Date.parse(iso));
  const sessions: PanelSession[] = sessionsToList(compiled, starts, now, new Date(Math.max(until, from + DAY_MS))).map((listed) => {
    const local = localOf(listed.start);
    const startTime = `${String(local.hour).padStart(2, '0')}:${String(local.minute).padStart(2, '0')}`;
    const length = (Date.parse(listed.end) - Date.parse(listed.start)) / 60000;
    const held = listed.status === 'scheduled' && !listed.extra && local.hour * 60 + local.minute !== expected;
    const date = local.toPlainDate().toString();
    return {
      date,
      weekday: WEEKDAY_NAMES[local.dayOfWeek - 1],
      time: timeRange(startTime, length),
      start: new Date(Date.parse(listed.start)).toISOString(),
      ...(held ? { heldAt: `${startTime}: the clocks skip ${schedule.startTime.slice(0, 5)} that day` } : {}),
      status: listed.status,
      sessionDate: listed.previousStart ? localOf(listed.previousStart).toPlainDate().toString() : date,
      ...(listed.previousStart ? { previousStart: new Date(Date.parse(listed.previousStart)).toISOString() } : {}),
      ...(listed.extra ? { extra: true } : {}),
      ...(listed.reason ? { reason: listed.reason } : {}),
      ...(listed.location ? { location: listed.location } : {}),
    };
  });
  const held = sessions.filter((session) => session.status !== 'cancelled');
  const all = compiled.lastDate ? starts : [];
  // Skipping a date removes only a session the series holds there: moved and extra sessions are left to their change.
  const onSeriesDates = held.filter((session) => session.status === 'scheduled' && !session.extra);
  const warnings = [holidayWarning(onSeriesDates, holidayOn), dstWarning(compiled, Math.max(from, starts[0] ?? from), starts[starts.length - 1] ?? from)];
  return {
    summary: describeSchedule(compiled.schedule),
    sessions: sessions.slice(0, shown),
    remaining: sessionsRemaining(compiled, now),
    lastSession: all.length > 0 && held.length > 0 ? held[held.length - 1].date : null,
    warnings: warnings.filter((warning): warning is Warning => warning !== null),
  };
};

export const schedulePanel = (input: PanelInput): PanelAnswer => {
  const { schedule, kind, now } = input;
  const today = todayUtc(now);
  // A session change's problem names its row (sessionChanges.2.reason), as the save-time error's path does.
  const problems = validateSchedule(schedule, kind, { today }).map(({ path, message }) => ({
    field: path[1] === 'sessionChanges' ? path.slice(1).join('.') : path[path.length - 1],
    message,
  }));
  const fixable = [firstDateWarning(schedule), noEndWarning(schedule, kind)].filter((warning): warning is Warning => warning !== null);
  const empty = { summary: null, sessions: [], remaining: null, lastSession: null };
  // A date out of the range is not expanded at all: that is what the range is for.
  if (!isComplete(schedule) || dateRangeProblems(schedule, today).length > 0 || problems.some((problem) => !['firstSessionDate', 'ends'].includes(problem.field) && !problem.field.startsWith('sessionChanges'))) {
    return { complete: false, ...empty, problems, warnings: fixable };
  }
  try {
    const { warnings, ...expanded } = expand({ ...input, schedule });
    return { complete: true, ...expanded, problems, warnings: [...warnings, ...fixable] };
  } catch (error) {
    // Whatever the schedule holds, the editor is told and the panel keeps answering.
    const message = `The sessions of this schedule cannot be worked out (${(error as Error).message}): check its dates and number of sessions`;
    return { complete: false, ...empty, problems: [...problems, { field: 'schedule', message }], warnings: fixable };
  }
};
