import { Temporal } from 'temporal-polyfill';

/**
 * Time-zone arithmetic from Intl, which applies the tz database (ICU) to every year. temporal-polyfill 0.3 clamps
 * offsets to ten years after the current one (from 2036 on, every London session would get the January offset),
 * so offsets, local times and transitions are computed here; Temporal is used for calendar arithmetic only.
 * Intl is asked once per zone and year, for that year's offset changes; the rest is arithmetic.
 */

const DAY_MS = 24 * 60 * 60 * 1000;
const WEEK_MS = 7 * DAY_MS;
const formats = new Map<string, Intl.DateTimeFormat>();

interface Transition {
  /** First instant of the new offset. */
  epochMs: number;
  offsetBefore: number;
  offsetAfter: number;
}

const formatFor = (timeZone: string) => {
  let format = formats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formats.set(timeZone, format);
  }
  return format;
};

/** The offset Intl gives at `epochMs` (whole seconds). */
const intlOffsetAt = (timeZone: string, epochMs: number) => {
  const wholeSecond = Math.floor(epochMs / 1000) * 1000;
  const parts: Record<string, number> = {};
  for (const part of formatFor(timeZone).formatToParts(new Date(wholeSecond))) if (part.type !== 'literal') parts[part.type] = Number(part.value);
  return Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute, parts.second) - wholeSecond;
};

/** Offset changes in [fromMs, toMs), found week by week and narrowed to the second. */
const scan = (timeZone: string, fromMs: number, toMs: number): Transition[] => {
  const transitions: Transition[] = [];
  for (let start = fromMs; start < toMs; start += WEEK_MS) {
    const end = Math.min(start + WEEK_MS, toMs);
    const offsetBefore = intlOffsetAt(timeZone, start);
    const offsetAfter = intlOffsetAt(timeZone, end);
    if (offsetBefore === offsetAfter) continue;
    let low = start;
    let high = end;
    while (high - low > 1000) {
      const middle = low + Math.floor((high - low) / 2000) * 1000;
      if (intlOffsetAt(timeZone, middle) === offsetBefore) low = middle;
      else high = middle;
    }
    transitions.push({ epochMs: high, offsetBefore, offsetAfter });
  }
  return transitions;
};

const years = new Map<string, { initial: number; transitions: Transition[] }>();

/** The offset on 1 January (UTC) of `year` and the changes during that year, asked of Intl once. */
const yearOf = (timeZone: string, year: number) => {
  const key = `${timeZone}:${year}`;
  let entry = years.get(key);
  if (!entry) {
    const start = Date.UTC(year, 0, 1);
    entry = { initial: intlOffsetAt(timeZone, start), transitions: scan(timeZone, start, Date.UTC(year + 1, 0, 1)) };
    if (years.size >= 10000) years.clear();
    years.set(key, entry);
  }
  return entry;
};

/** UTC offset (ms) in force at `epochMs`. */
export const offsetAt = (timeZone: string, epochMs: number) => {
  const { initial, transitions } = yearOf(timeZone, new Date(epochMs).getUTCFullYear());
  let offset = initial;
  for (const transition of transitions) if (transition.epochMs <= epochMs) offset = transition.offsetAfter;
  return offset;
};

/** The local wall-clock time at `epochMs`, to the second. */
export const wallClockAt = (timeZone: string, epochMs: number): Temporal.PlainDateTime => {
  const local = new Date(Math.floor(epochMs / 1000) * 1000 + offsetAt(timeZone, epochMs));
  return new Temporal.PlainDateTime(local.getUTCFullYear(), local.getUTCMonth() + 1, local.getUTCDate(), local.getUTCHours(), local.getUTCMinutes(), local.getUTCSeconds());
};

const asUtcMs = (dateTime: Temporal.PlainDateTime) =>
  Date.UTC(dateTime.year, dateTime.month - 1, dateTime.day, dateTime.hour, dateTime.minute, dateTime.second);

/**
 * The instant of a local wall-clock time, read as RFC 5545 reads a local DTSTART (§3.3.5): a time that occurs
 * twice is the first one; a time in a spring-forward gap takes the offset before the gap, so it is held later by
 * the length of the gap (02:30 → 03:30 EDT). This is Temporal's "compatible" disambiguation.
 */
export const instantOf = (timeZone: string, wallClock: Temporal.PlainDateTime): number => {
  const local = asUtcMs(wallClock);
  const before = offsetAt(timeZone, local - DAY_MS);
  const after = offsetAt(timeZone, local + DAY_MS);
  const valid = [...new Set([before, after])].map((offset) => local - offset).filter((epochMs) => offsetAt(timeZone, epochMs) === local - epochMs);
  return valid.length > 0 ? Math.min(...valid) : local - before;
};

/** "+05:30", "-04:00", "+00:00". */
export const offsetString = (offsetMs: number) => {
  const minutes = Math.round(Math.abs(offsetMs) / 60000);
  return `${offsetMs < 0 ? '-' : '+'}${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
};

/** ISO 8601 local time with its offset, to the second: "2027-03-14T03:30:00-04:00". */
export const isoWithOffset = (timeZone: string, epochMs: number) => {
  // Date arithmetic, not a Temporal object: every listed session of every answer is formatted here.
  const offset = offsetAt(timeZone, epochMs);
  return `${new Date(Math.floor(epochMs / 1000) * 1000 + offset).toISOString().slice(0, 19)}${offsetString(offset)}`;
};

/** Offset changes in [fromMs, toMs). */
export const transitionsBetween = (timeZone: string, fromMs: number, toMs: number): Transition[] => {
  const all: Transition[] = [];
  for (let year = new Date(fromMs).getUTCFullYear(); year <= new Date(toMs).getUTCFullYear(); year += 1) all.push(...yearOf(timeZone, year).transitions);
  return all.filter((transition) => transition.epochMs >= fromMs && transition.epochMs < toMs);
};
