import { intervalOf, meetsOnLastDay, ordinalsOf, plainTime, weekdayOf, type CompiledSchedule, type Session } from '#domain/schedule';
import type { FeedConfig, ProgramRow } from './types';

/**
 * schema.org JSON-LD a website embeds on a program's page: the series (EventSeries with its Schedule) and each
 * listed session as an Event tied to it, since Google documents Event, not EventSeries, as eligible for event
 * results. Values stay within schema.org's ranges. Pure.
 */

const ATTENDANCE: Record<string, string> = {
  'in-person': 'https://schema.org/OfflineEventAttendanceMode',
  online: 'https://schema.org/OnlineEventAttendanceMode',
  hybrid: 'https://schema.org/MixedEventAttendanceMode',
};
const AVAILABILITY: Record<string, string> = {
  open: 'https://schema.org/InStock',
  waitlist: 'https://schema.org/LimitedAvailability',
  closed: 'https://schema.org/SoldOut',
};

const SESSION_STATUS: Record<Session['status'], string> = {
  scheduled: 'https://schema.org/EventScheduled',
  cancelled: 'https://schema.org/EventCancelled',
  moved: 'https://schema.org/EventRescheduled',
};

/** "$40 per session" → 40, "Free" (or "Gratis") → 0, "Sliding scale" → undefined. */
const priceOf = (cost: string | null | undefined) => {
  if (!cost) return undefined;
  if (/^\s*(?:free|gratis|gratuit[oa])\b/i.test(cost)) return 0;
  const amount = cost.match(/(\d+(?:\.\d{1,2})?)/);
  return amount ? Number(amount[1]) : undefined;
};

/** schema.org Schedule of a series. "Last week of the month" and "last day of shorter months" have no value in
 * schema.org's ranges (byMonthWeek 1-5, byMonthDay 1-31): they are left to the description and the sessions. */
const eventSchedule = (compiled: CompiledSchedule, summary: string) => {
  const { schedule } = compiled;
  const endTime = plainTime(schedule.startTime).add({ minutes: schedule.durationMinutes });
  const value: Record<string, unknown> = {
    '@type': 'Schedule',
    description: summary,
    scheduleTimezone: compiled.timeZone,
    startDate: schedule.firstSessionDate,
    startTime: schedule.startTime.slice(0, 5),
    endTime: endTime.toString({ smallestUnit: 'minute' }),
    duration: `PT${schedule.durationMinutes}M`,
  };
  if (schedule.repeats === 'once') return value;
  const interval = intervalOf(schedule);
  value.repeatFrequency = schedule.repeats === 'weekly' ? `P${interval}W` : `P${interval}M`;
  if (schedule.repeats !== 'monthly-by-date') value.byDay = `https://schema.org/${weekdayOf(schedule)}`;
  if (schedule.repeats === 'monthly-by-weekday') {
    const weeks = ordinalsOf(schedule).filter((ordinal) => ordinal >= 1 && ordinal <= 5);
    if (weeks.length > 0) value.byMonthWeek = weeks;
  }
  if (schedule.repeats === 'monthly-by-date' && !meetsOnLastDay(schedule)) value.byMonthDay = Number(schedule.firstSessionDate.slice(8, 10));
  if (schedule.ends === 'after-sessions' && schedule.sessionCount) value.repeatCount = schedule.sessionCount;
  if (schedule.ends === 'on-date' && schedule.endDate) value.endDate = schedule.endDate;
  // Skipped dates, and the dates of sessions cancelled or moved away (each session's Event says which).
  const exceptDates = [...new Set([...compiled.exdates.map((exdate) => exdate.toPlainDate().toString()), ...compiled.changes.changedDates])].sort();
  if (exceptDates.length > 0) value.exceptDate = exceptDates;
  return value;
};

/** What a VirtualLocation is called: its `url` is the program's public page, never the private meeting link. */
export const VIRTUAL_LOCATION_NAME = 'Online (link sent by the front office)';
const placeOf = (name: string) => ({ '@type': 'Place', name, address: name });

/**
 * Where a program (or one session of it, at `place`) meets: a Place in person, a VirtualLocation online (the
 * program's page, which says how to join: the meeting link is private), both when hybrid. An online program's
 * `location` is no place. A session's own place keeps the online part of an online or hybrid program.
 */
const locationOf = (program: ProgramRow, url: string, place: string | null | undefined) => {
  const physical = place ? placeOf(place) : undefined;
  if (program.format !== 'online' && program.format !== 'hybrid') return physical;
  const virtual = { '@type': 'VirtualLocation', name: VIRTUAL_LOCATION_NAME, url };
  return physical ? [physical, virtual] : virtual;
};

interface JsonLdInput {
  program: ProgramRow;
  compiled: CompiledSchedule;
  /** The sessions listed with the program, in order (cancelled ones included, with their status). */
  sessions: Session[];
  summary: string;
  url: string;
  organizer: FeedConfig['organizer'];
  /** The program's image as an absolute URL, when it has one. */
  image?: string | null;
  /** The language of the program's text (BCP 47). */
  language?: string;
}

export const toJsonLd = ({ program, compiled, sessions, summary, url, organizer, image, language = 'en' }: JsonLdInput) => {
  const location = locationOf(program, url, program.format === 'online' ? undefined : program.location);
  const price = priceOf(program.cost);
  const shared = {
    name: program.title,
    description: program.summary,
    inLanguage: language,
    url,
    eventStatus: program.cancelled ? 'https://schema.org/EventCancelled' : 'https://schema.org/EventScheduled',
    eventAttendanceMode: ATTENDANCE[program.format] ?? ATTENDANCE['in-person'],
    ...(image ? { image: [image] } : {}),
    ...(location ? { location } : {}),
    organizer: { '@type': 'Organization', name: organizer.name, url: organizer.url },
    ...(program.facilitator ? { performer: { '@type': 'Person', name: program.facilitator.name } } : {}),
    offers: {
      '@type': 'Offer',
      url: program.registrationUrl ?? url,
      availability: AVAILABILITY[program.enrollmentStatus] ?? AVAILABILITY.open,
      validFrom: program.publishedAt ?? program.updatedAt,
      ...(price !== undefined ? { price, priceCurrency: 'USD' } : {}),
      ...(program.cost ? { description: program.cost } : {}),
    },
  };
  const seriesId = `${url}#series`;
  const held = sessions.filter((session) => session.status !== 'cancelled');
  // Each session says its own status: cancelled, or rescheduled from its previous start (a moved one).
  const events = sessions.map((session) => ({
    '@type': 'Event',
    '@id': `${url}#${session.previousStart ?? session.start}`,
    ...shared,
    ...(program.cancelled ? {} : { eventStatus: SESSION_STATUS[session.status] }),
    ...(session.location ? { location: locationOf(program, url, session.location) } : {}),
    ...(session.reason ? { description: `${program.summary} ${session.reason}` } : {}),
    startDate: session.start,
    endDate: session.end,
    ...(session.previousStart ? { previousStartDate: session.previousStart } : {}),
    superEvent: { '@id': seriesId },
  }));
  const series = {
    '@type': 'EventSeries',
    '@id': seriesId,
    ...shared,
    ...(held[0] ? { startDate: held[0].start } : {}),
    eventSchedule: eventSchedule(compiled, summary),
    subEvent: events.map((event) => ({ '@id': event['@id'] })),
  };
  return { '@context': 'https://schema.org', '@graph': [series, ...events] };
};
