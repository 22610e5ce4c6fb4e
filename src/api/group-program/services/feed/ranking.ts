import { startsBetween, type CompiledSchedule } from '../schedule/recurrence';

/**
 * Which programs meet in a window, and in what order. Expanding a recurrence is the feed's main cost, so each
 * program's session starts are kept over a horizon (yesterday to HORIZON_DAYS ahead) while the program is
 * unchanged; windows outside it are expanded on demand. Pure.
 */

export interface PreparedSchedule {
  compiled: CompiledSchedule;
  horizonFrom: number;
  horizonTo: number;
  /** Session starts (epoch ms) in [horizonFrom, horizonTo), ascending. */
  starts: number[];
}

const HORIZON_DAYS = 400;
const DAY_MS = 24 * 60 * 60 * 1000;

/** The horizon that starts on the day before `now` (UTC days, so every process agrees). */
export const horizonOf = (now: number) => {
  const today = Math.floor(now / DAY_MS) * DAY_MS;
  return { horizonFrom: today - DAY_MS, horizonTo: today + HORIZON_DAYS * DAY_MS };
};

export const prepareSchedule = (compiled: CompiledSchedule, now: number): PreparedSchedule => {
  const { horizonFrom, horizonTo } = horizonOf(now);
  return { compiled, horizonFrom, horizonTo, starts: startsBetween(compiled, new Date(horizonFrom), new Date(horizonTo)) };
};

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
