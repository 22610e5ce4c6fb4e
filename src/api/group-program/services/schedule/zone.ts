import { Temporal } from 'temporal-polyfill';

/**
 * Time-zone arithmetic from Intl, which applies the tz database (ICU) to every year. temporal-polyfill 0.3 clamps
 * offsets to ten years after the current one (from 2036 on, every London session would get the January offset),
 * so offsets, local times and transitions are computed here; Temporal is used for calendar arithmetic only.
 */

const DAY_MS = 24 * 60 * 60 * 1000;
const formats = new Map<string, Intl.DateTimeFormat>();

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

/** The local wall-clock time at `epochMs`, to the second. */
export const wallClockAt = (timeZone: string, epochMs: number): Temporal.PlainDateTime => {
  const parts: Record<string, number> = {};
  for (const part of formatFor(timeZone).formatToParts(new Date(epochMs))) if (part.type !== 'literal') parts[part.type] = Number(part.value);
  return new Temporal.PlainDateTime(parts.year, parts.month, parts.day, parts.hour, parts.minute, parts.second);
};

const asUtcMs = (dateTime: Temporal.PlainDateTime) =>
  Date.UTC(dateTime.year, dateTime.month - 1, dateTime.day, dateTime.hour, dateTime.minute, dateTime.second);

/** UTC offset (ms) in force at `epochMs`. */
export const offsetAt = (timeZone: string, epochMs: number) => {
  const wholeSecond = Math.floor(epochMs / 1000) * 1000;
  return asUtcMs(wallClockAt(timeZone, wholeSecond)) - wholeSecond;
};

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
export const isoWithOffset = (timeZone: string, epochMs: number) =>
  `${wallClockAt(timeZone, epochMs).toString({ smallestUnit: 'second' })}${offsetString(offsetAt(timeZone, epochMs))}`;

interface Transition {
  /** First instant of the new offset. */
  epochMs: number;
  offsetBefore: number;
  offsetAfter: number;
}

/** Offset changes in [fromMs, toMs), found week by week and narrowed to the second. */
export const transitionsBetween = (timeZone: string, fromMs: number, toMs: number): Transition[] => {
  const transitions: Transition[] = [];
  const step = 7 * DAY_MS;
  for (let start = fromMs; start < toMs; start += step) {
    const end = Math.min(start + step, toMs);
    const offsetBefore = offsetAt(timeZone, start);
    const offsetAfter = offsetAt(timeZone, end);
    if (offsetBefore === offsetAfter) continue;
    let low = start;
    let high = end;
    while (high - low > 1000) {
      const middle = low + Math.floor((high - low) / 2000) * 1000;
      if (offsetAt(timeZone, middle) === offsetBefore) low = middle;
      else high = middle;
    }
    transitions.push({ epochMs: high, offsetBefore, offsetAfter });
  }
  return transitions;
};
