import ical, { ICalCalendarMethod, ICalEventStatus, escape, type ICalTemporalZonedDateTimeStub } from 'ical-generator';
import { Temporal } from 'temporal-polyfill';
import { instantOf, wallClockAt, type CompiledSchedule } from '#domain/schedule';
import { vtimezone } from './vtimezone';

/**
 * iCalendar (RFC 5545) files for programs, written by ical-generator: one VEVENT per program with its RRULE,
 * EXDATEs and RDATEs (extra sessions) at local time, one override VEVENT (RECURRENCE-ID) per session cancelled,
 * moved or added, and a VTIMEZONE for every zone used that covers all the calendar's sessions. Pure.
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

interface CalendarOptions {
  name: string;
  organizerName: string;
  /** Host part of the stable UIDs. */
  uidDomain: string;
  /** Series that never end get VTIMEZONE rules up to this many years after `now`. */
  now?: Date;
  /** The language of the programs' text (the PRODID's language). */
  language?: string;
}

const ONGOING_YEARS = 10;

/**
 * A local date-time as ical-generator's zoned value, written exactly as given (ical-generator writes a zoned
 * value's wall-clock time). A start the editor typed inside a daylight-saving gap is thus written as typed, which
 * is what RFC 5545 resolves and what a client repeats; writing the resolved time would move every session.
 */
const asWritten = (dateTime: Temporal.PlainDateTime, timeZone: string, epochMs: number): ICalTemporalZonedDateTimeStub => {
  const instant = Temporal.Instant.fromEpochMilliseconds(epochMs);
  const stub: ICalTemporalZonedDateTimeStub = {
    year: dateTime.year,
    month: dateTime.month,
    day: dateTime.day,
    hour: dateTime.hour,
    minute: dateTime.minute,
    second: dateTime.second,
    timeZoneId: timeZone,
    toInstant: () => instant,
    toJSON: () => instant.toJSON(),
    toString: () => instant.toString(),
    toPlainDateTime: () => dateTime,
    withTimeZone: () => stub,
  };
  return stub;
};

const icsLocal = (dateTime: Temporal.PlainDateTime) => dateTime.toString({ smallestUnit: 'second' }).replace(/[-:]/g, '');

/** The years each zone's VTIMEZONE must cover: from the year before a first session to the last session's year. */
const zoneSpans = (programs: CalendarProgram[], now: Date) => {
  const spans = new Map<string, { from: number; to: number }>();
  for (const { compiled } of programs) {
    const from = compiled.dtstart.year - 1;
    const series = compiled.lastDate ? compiled.lastDate.year : Math.max(now.getUTCFullYear(), compiled.dtstart.year) + ONGOING_YEARS;
    // Sessions moved or added may fall after the series' last date (a one-off's extra sessions).
    const to = Math.max(series, ...compiled.changes.changes.map((change) => change.start.year));
    const span = spans.get(compiled.timeZone);
    spans.set(compiled.timeZone, { from: Math.min(span?.from ?? from, from), to: Math.max(span?.to ?? to, to) });
  }
  return spans;
};

/** A whole VCALENDAR for `programs`. */
export const buildCalendar = (programs: CalendarProgram[], options: CalendarOptions): string => {
  const spans = zoneSpans(programs, options.now ?? new Date());
  const calendar = ical({
    // ical-generator writes the calendar's name unescaped (a title's comma or semicolon would split the value).
    name: escape(options.name, false),
    prodId: { company: options.organizerName, product: 'Group programs', language: (options.language ?? 'en').toUpperCase() },
    method: ICalCalendarMethod.PUBLISH,
    scale: 'GREGORIAN',
    timezone: { name: null, generator: (zone) => (spans.has(zone) ? vtimezone(zone, spans.get(zone)!.from, spans.get(zone)!.to) : null) },
  });
  for (const program of programs) {
    const { compiled } = program;
    const { timeZone } = compiled;
    const startMs = instantOf(timeZone, compiled.dtstart);
    const endMs = startMs + compiled.schedule.durationMinutes * 60000;
    const extras = compiled.changes.changes.filter((change) => change.kind === 'extra');
    const recurrence = [
      // ical-generator writes `repeating` from an RRULE line: a one-off with extra sessions gets its COUNT=1 rule.
      ...(compiled.schedule.repeats === 'once' && extras.length === 0 ? [] : [`RRULE:${compiled.rrule}`]),
      ...(compiled.exdates.length > 0 ? [`EXDATE;TZID=${timeZone}:${compiled.exdates.map(icsLocal).join(',')}`] : []),
      ...(extras.length > 0 ? [`RDATE;TZID=${timeZone}:${extras.map((extra) => icsLocal(extra.start)).join(',')}`] : []),
    ];
    const id = `${program.documentId}@${options.uidDomain}`;
    const shared = {
      id,
      stamp: new Date(program.updatedAt),
      lastModified: new Date(program.updatedAt),
      timezone: timeZone,
      url: program.url,
    };
    calendar.createEvent({
      ...shared,
      start: asWritten(compiled.dtstart, timeZone, startMs),
      end: asWritten(wallClockAt(timeZone, endMs), timeZone, endMs),
      repeating: recurrence.length > 0 ? recurrence.join('\n') : null,
      status: program.cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
      summary: program.cancelled ? `Cancelled: ${program.title}` : program.title,
      description: `${program.summary}\n\n${program.url}`,
      location: program.location || null,
    });
    // One session changed: an override of its instance (RFC 5545 RECURRENCE-ID, same UID), so a subscribed
    // calendar updates that session in place: cancelled, at its new time and place, or an extra's own details.
    for (const change of compiled.changes.changes) {
      const cancelled = program.cancelled || change.kind === 'cancel';
      const changeEndMs = change.startMs + change.durationMinutes * 60000;
      calendar.createEvent({
        ...shared,
        recurrenceId: asWritten(change.originalStart, timeZone, change.originalStartMs),
        start: asWritten(change.start, timeZone, change.startMs),
        end: asWritten(wallClockAt(timeZone, changeEndMs), timeZone, changeEndMs),
        status: cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
        summary: cancelled ? `Cancelled: ${program.title}` : change.kind === 'move' ? `Moved: ${program.title}` : program.title,
        description: [change.reason, program.summary, program.url].filter(Boolean).join('\n\n'),
        location: change.location || program.location || null,
      });
    }
  }
  return calendar.toString();
};
