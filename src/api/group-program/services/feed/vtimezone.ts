import { Temporal } from 'temporal-polyfill';

/**
 * VTIMEZONE components (RFC 5545 §3.6.5) from the tz database Node ships (through Temporal): one observance for
 * the offset in force on 1 January of `fromYear`, then one for every offset change up to the end of `toYear`,
 * each starting at the local time of the change in the offset it replaces.
 *
 * Not @touch4it/ical-timezones: its zones are tzdata 2018g written as yearly rules, and they disagree with the
 * tz database for Santiago from 2029, Mexico City (no DST since 2022), Asunción and Cairo.
 */

const localStamp = (zoned: Temporal.ZonedDateTime) => zoned.toPlainDateTime().toString({ smallestUnit: 'second' }).replace(/[-:]/g, '');
const icsOffset = (offset: string) => offset.replace(':', '').slice(0, 5);

const observance = (kind: 'STANDARD' | 'DAYLIGHT', start: string, from: string, to: string) => [
  `BEGIN:${kind}`,
  `DTSTART:${start}`,
  `TZOFFSETFROM:${icsOffset(from)}`,
  `TZOFFSETTO:${icsOffset(to)}`,
  `END:${kind}`,
];

export const vtimezone = (timeZone: string, fromYear: number, toYear: number): string => {
  const start = Temporal.ZonedDateTime.from({ timeZone, year: fromYear, month: 1, day: 1 });
  const end = Temporal.ZonedDateTime.from({ timeZone, year: toYear + 1, month: 1, day: 1 });
  const lines = ['BEGIN:VTIMEZONE', `TZID:${timeZone}`, ...observance('STANDARD', `${fromYear}0101T000000`, start.offset, start.offset)];
  let previous = start;
  let transition = start.getTimeZoneTransition('next');
  while (transition && Temporal.ZonedDateTime.compare(transition, end) < 0) {
    const kind = transition.offsetNanoseconds > previous.offsetNanoseconds ? 'DAYLIGHT' : 'STANDARD';
    const localBefore = transition.toInstant().toZonedDateTimeISO(previous.offset);
    lines.push(...observance(kind, localStamp(localBefore), previous.offset, transition.offset));
    previous = transition;
    transition = transition.getTimeZoneTransition('next');
  }
  lines.push('END:VTIMEZONE');
  return lines.join('\r\n');
};
