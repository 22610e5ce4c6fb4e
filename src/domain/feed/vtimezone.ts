import { type Temporal } from 'temporal-polyfill';
import { offsetAt, offsetString, transitionsBetween, wallClockAt } from '#domain/schedule';

/**
 * VTIMEZONE components (RFC 5545 §3.6.5) from the tz database Node ships (through Intl, see ../schedule/zone):
 * one observance for the offset in force on 1 January of `fromYear`, then one for every offset change up to the
 * end of `toYear`, each starting at the local time of the change in the offset it replaces.
 *
 * Not @touch4it/ical-timezones: its zones are tzdata 2018g written as yearly rules, and they disagree with the
 * tz database for Santiago from 2029, Mexico City (no DST since 2022), Asunción and Cairo.
 */

const icsOffset = (offsetMs: number) => offsetString(offsetMs).replace(':', '');
const icsLocal = (dateTime: Temporal.PlainDateTime) => dateTime.toString({ smallestUnit: 'second' }).replace(/[-:]/g, '');

const observance = (kind: 'STANDARD' | 'DAYLIGHT', start: string, from: number, to: number) => [
  `BEGIN:${kind}`,
  `DTSTART:${start}`,
  `TZOFFSETFROM:${icsOffset(from)}`,
  `TZOFFSETTO:${icsOffset(to)}`,
  `END:${kind}`,
];

export const vtimezone = (timeZone: string, fromYear: number, toYear: number): string => {
  const startMs = Date.UTC(fromYear, 0, 1) - offsetAt(timeZone, Date.UTC(fromYear, 0, 1));
  const endMs = Date.UTC(toYear + 1, 0, 1);
  const initial = offsetAt(timeZone, startMs);
  const lines = ['BEGIN:VTIMEZONE', `TZID:${timeZone}`, ...observance('STANDARD', `${fromYear}0101T000000`, initial, initial)];
  for (const { epochMs, offsetBefore, offsetAfter } of transitionsBetween(timeZone, startMs, endMs)) {
    const localBefore = wallClockAt('UTC', epochMs + offsetBefore);
    lines.push(...observance(offsetAfter > offsetBefore ? 'DAYLIGHT' : 'STANDARD', icsLocal(localBefore), offsetBefore, offsetAfter));
  }
  lines.push('END:VTIMEZONE');
  return lines.join('\r\n');
};
