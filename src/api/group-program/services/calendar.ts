import { Temporal } from 'temporal-polyfill';
import { icsRecurrenceLines, type CompiledSchedule } from './schedule';

/**
 * iCalendar (RFC 5545) files for programs: one VEVENT per program with its RRULE and EXDATEs at local time, and a
 * VTIMEZONE for every zone used, so calendar apps import the series correctly. Pure: no Strapi here.
 */

export interface CalendarProgram {
  documentId: string;
  title: string;
  summary: string;
  location?: string | null;
  url: string;
  updatedAt: string;
  /** A cancelled program's events stay in subscribers' calendars, marked cancelled. */
  cancelled?: boolean;
  compiled: CompiledSchedule;
}

export interface CalendarOptions {
  name: string;
  organizerName: string;
  /** Host part of the stable UIDs. */
  uidDomain: string;
  /** VTIMEZONE rules cover this span of years around the programs' first sessions. */
  now?: Date;
}

/** TEXT values: backslash, semicolon, comma and newline escaped (RFC 5545 §3.3.11). */
export const escapeText = (text: string) =>
  text.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n');

/** Lines longer than 75 octets are folded with CRLF and a space (RFC 5545 §3.1), never inside a character. */
export const foldLine = (line: string): string => {
  const encoder = new TextEncoder();
  if (encoder.encode(line).length <= 75) return line;
  const parts: string[] = [];
  let current = '';
  let size = 0;
  for (const char of line) {
    const charSize = encoder.encode(char).length;
    const limit = parts.length === 0 ? 75 : 74;
    if (size + charSize > limit) {
      parts.push(current);
      current = '';
      size = 0;
    }
    current += char;
    size += charSize;
  }
  parts.push(current);
  return parts.join('\r\n ');
};

const utcStamp = (iso: string) => `${Temporal.Instant.from(iso).toString({ smallestUnit: 'second' }).replace(/[-:]/g, '')}`;
const localStamp = (zoned: Temporal.ZonedDateTime) => zoned.toPlainDateTime().toString({ smallestUnit: 'second' }).replace(/[-:]/g, '');
const icsOffset = (offset: string) => offset.replace(':', '').slice(0, 5);

/**
 * STANDARD/DAYLIGHT observances for every offset change of `timeZone` from `fromYear` to `toYear`, each starting
 * at the local time of the change in the offset it replaces. A zone without changes gets one STANDARD.
 */
export const vtimezone = (timeZone: string, fromYear: number, toYear: number): string[] => {
  const start = Temporal.ZonedDateTime.from({ timeZone, year: fromYear, month: 1, day: 1 });
  const end = Temporal.ZonedDateTime.from({ timeZone, year: toYear + 1, month: 1, day: 1 });
  const lines = ['BEGIN:VTIMEZONE', `TZID:${timeZone}`];
  let previous = start;
  let transition = start.getTimeZoneTransition('next');
  let observances = 0;
  while (transition && Temporal.ZonedDateTime.compare(transition, end) < 0) {
    const kind = transition.offsetNanoseconds > previous.offsetNanoseconds ? 'DAYLIGHT' : 'STANDARD';
    const localBefore = transition.toInstant().toZonedDateTimeISO(previous.offset);
    lines.push(
      `BEGIN:${kind}`,
      `DTSTART:${localStamp(localBefore)}`,
      `TZOFFSETFROM:${icsOffset(previous.offset)}`,
      `TZOFFSETTO:${icsOffset(transition.offset)}`,
      `END:${kind}`
    );
    previous = transition;
    observances += 1;
    transition = transition.getTimeZoneTransition('next');
  }
  if (observances === 0) {
    const offset = icsOffset(start.offset);
    lines.push('BEGIN:STANDARD', `DTSTART:${fromYear}0101T000000`, `TZOFFSETFROM:${offset}`, `TZOFFSETTO:${offset}`, 'END:STANDARD');
  }
  lines.push('END:VTIMEZONE');
  return lines;
};

/** A whole VCALENDAR for `programs`, lines joined with CRLF. */
export const buildCalendar = (programs: CalendarProgram[], options: CalendarOptions): string => {
  const nowYear = (options.now ?? new Date()).getUTCFullYear();
  const zones = new Map<string, { from: number; to: number }>();
  for (const { compiled } of programs) {
    const zone = compiled.schedule.timezone;
    // A year before the first session, so an observance already covers it.
    const firstYear = compiled.dtstart.year - 1;
    const span = zones.get(zone) ?? { from: firstYear, to: nowYear + 2 };
    zones.set(zone, { from: Math.min(span.from, firstYear), to: Math.max(span.to, nowYear + 2) });
  }

  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    `PRODID:-//${options.organizerName}//Group programs//EN`,
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeText(options.name)}`,
  ];
  for (const [zone, span] of zones) lines.push(...vtimezone(zone, span.from, span.to));
  for (const program of programs) {
    lines.push(
      'BEGIN:VEVENT',
      `UID:${program.documentId}@${options.uidDomain}`,
      `DTSTAMP:${utcStamp(program.updatedAt)}`,
      `LAST-MODIFIED:${utcStamp(program.updatedAt)}`,
      ...icsRecurrenceLines(program.compiled),
      `STATUS:${program.cancelled ? 'CANCELLED' : 'CONFIRMED'}`,
      `SUMMARY:${escapeText(program.cancelled ? `Cancelled: ${program.title}` : program.title)}`,
      `DESCRIPTION:${escapeText(`${program.summary}\n\n${program.url}`)}`,
      ...(program.location ? [`LOCATION:${escapeText(program.location)}`] : []),
      `URL:${program.url}`,
      'END:VEVENT'
    );
  }
  lines.push('END:VCALENDAR');
  return `${lines.map(foldLine).join('\r\n')}\r\n`;
};
