import { Temporal } from 'temporal-polyfill';
import { sessionsRemaining, startsBetween, YEARS_AHEAD, YEARS_BACK, type CompiledSchedule } from '#domain/schedule';

/**
 * Which programs meet in a window, and in what order. Expanding a recurrence is the feed's main cost, so each
 * program's session starts are kept over a horizon (yesterday to a little more than the longest window ahead) while
 * the program is unchanged; windows outside it are expanded on demand. A horizon is renewed once it no longer
 * holds the longest window from now: at least a week after it was made, and on a day that depends on the program,
 * so a large catalogue is not re-expanded all at once on one request. Pure.
 */

export interface PreparedSchedule {
  compiled: CompiledSchedule;
  horizonFrom: number;
  horizonTo: number;
  /** Session starts (epoch ms) in [horizonFrom, horizonTo), ascending. */
  starts: number[];
}

const DAY_MS = 24 * 60 * 60 * 1000;
/** A horizon holds the longest window for at least this many days... */
const MIN_LIFE_DAYS = 7;
/** ...and up to this many more, by program. */
const SPREAD_DAYS = 28;
/** The feed's longest window unless told otherwise (config/feed.ts `maxWindowDays`). */
const DEFAULT_WINDOW_DAYS = 366;

/** The start of the UTC day of `now` (every process agrees on it). */
export const dayOf = (now: number) => Math.floor(now / DAY_MS) * DAY_MS;

/** A stable number of days in [0, SPREAD_DAYS) for a program, from its documentId. */
export const spreadOf = (documentId: string) => {
  let hash = 0;
  for (let index = 0; index < documentId.length; index += 1) hash = (hash * 31 + documentId.charCodeAt(index)) >>> 0;
  return hash % SPREAD_DAYS;
};

/** The longest a series saved within the editors' date range can run (../schedule/validate.ts). */
const MAX_SPAN_YEARS = YEARS_BACK + YEARS_AHEAD;

/**
 * Throws when a schedule cannot be listed: sessions spread over more years than a save allows (a row written past
 * validation), or a series the recurrence library gives up expanding. Its items count every session left, so they
 * are counted here once, when the program is prepared, rather than on a page that would then fail.
 */
export const checkExpandable = (compiled: CompiledSchedule, now: number) => {
  const first = compiled.dtstart.toPlainDate();
  if (compiled.lastDate && Temporal.PlainDate.compare(compiled.lastDate, first.add({ years: MAX_SPAN_YEARS })) > 0) {
    throw new Error(`its sessions run from ${first} to ${compiled.lastDate}, more than ${MAX_SPAN_YEARS} years`);
  }
  sessionsRemaining(compiled, new Date(now));
};

/** The schedule's sessions over a horizon from `now`; throws when it cannot be listed (`checkExpandable`). */
export const prepareSchedule = (compiled: CompiledSchedule, now: number, { windowDays = DEFAULT_WINDOW_DAYS, spreadDays = 0 } = {}): PreparedSchedule => {
  checkExpandable(compiled, now);
  const today = dayOf(now);
  const horizonFrom = today - DAY_MS;
  // Renewed once now + windowDays passes horizonTo: MIN_LIFE_DAYS whole days after today at the earliest.
  const horizonTo = today + (windowDays + MIN_LIFE_DAYS + 1 + spreadDays) * DAY_MS;
  return { compiled, horizonFrom, horizonTo, starts: startsBetween(compiled, new Date(horizonFrom), new Date(horizonTo)) };
};

/** Whether the horizon still holds every window from now up to `windowDays` long; if not, it is renewed. */
export const holdsWindowsFrom = (prepared: PreparedSchedule, now: number, windowDays = DEFAULT_WINDOW_DAYS) =>
  prepared.horizonFrom <= now && now + windowDays * DAY_MS <= prepared.horizonTo;

const covers = (prepared: PreparedSchedule, from: Date, to: Date) => from.getTime() >= prepared.horizonFrom && to.getTime() <= prepared.horizonTo;

/** Session starts in [from, to). */
export const startsIn = (prepared: PreparedSchedule, from: Date, to: Date): number[] => {
  if (!covers(prepared, from, to)) return startsBetween(prepared.compiled, from, to);
  let low = 0;
  let high = prepared.starts.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (prepared.starts[middle] < from.getTime()) low = middle + 1;
    else high = middle;
  }
  const starts: number[] = [];
  for (let index = low; index < prepared.starts.length && prepared.starts[index] < to.getTime(); index += 1) starts.push(prepared.starts[index]);
  return starts;
};

/** The first session start in [from, to), or null. */
const firstStartIn = (prepared: PreparedSchedule, from: Date, to: Date): number | null => {
  if (!covers(prepared, from, to)) return startsBetween(prepared.compiled, from, to)[0] ?? null;
  const next = prepared.starts.find((start) => start >= from.getTime());
  return next !== undefined && next < to.getTime() ? next : null;
};

export interface Candidate {
  documentId: string;
  title: string;
  prepared: PreparedSchedule;
  topicSlugs: string[];
}

export interface Ranked extends Candidate {
  nextMs: number;
}

/** The candidates that meet in [from, to), by next session, then title. */
export const rankByNextSession = (candidates: Candidate[], from: Date, to: Date): Ranked[] =>
  candidates
    .flatMap((candidate) => {
      const nextMs = firstStartIn(candidate.prepared, from, to);
      return nextMs === null ? [] : [{ ...candidate, nextMs }];
    })
    .sort((a, b) => a.nextMs - b.nextMs || a.title.localeCompare(b.title));
