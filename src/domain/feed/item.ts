import { describeSchedule, instantOf, isoWithOffset, sessionAt, sessionsRemaining, sessionsToList } from '#domain/schedule';
import { calendarFeedLinks, sessionLinks } from './add-to-calendar';
import { toJsonLd } from './json-ld';
import { startsIn, type PreparedSchedule } from './ranking';
import { absoluteUrl, programUrl, type FeedConfig, type ProgramRow } from './types';

/** The public item for one program in a window: what websites list, with sessions and JSON-LD. Pure. */

export interface Scheduled {
  program: ProgramRow;
  prepared: PreparedSchedule;
  nextMs: number;
}

export const toFeedItem = (scheduled: Scheduled, window: { from: Date; to: Date }, config: Pick<FeedConfig, 'maxUpcomingSessions' | 'programUrlTemplate' | 'organizer' | 'publicUrl'>) => {
  const { program, prepared, nextMs } = scheduled;
  const { compiled } = prepared;
  const next = sessionAt(compiled, nextMs);
  const url = programUrl(config.programUrlTemplate, program.slug);
  const seatsLeft = program.capacity != null ? Math.max(program.capacity - (program.seatsTaken ?? 0), 0) : null;
  const summary = describeSchedule(compiled.schedule);
  // Held sessions and, at their original time, those cancelled (status and reason), while they are in the window.
  const upcomingSessions = sessionsToList(compiled, startsIn(prepared, window.from, window.to), window.from, window.to).slice(0, config.maxUpcomingSessions);
  return {
    documentId: program.documentId,
    slug: program.slug,
    title: program.title,
    kind: program.kind,
    summary: program.summary,
    topics: (program.topics ?? []).map(({ name, slug }) => ({ name, slug })),
    format: program.format,
    location: program.location ?? null,
    ageGroup: program.ageGroup ?? null,
    facilitator: program.facilitator ? { name: program.facilitator.name, credentials: program.facilitator.credentials ?? null } : null,
    enrollment: {
      status: program.enrollmentStatus,
      seatsLeft,
      cost: program.cost ?? null,
      insuranceAccepted: Boolean(program.insuranceAccepted),
      registrationUrl: program.registrationUrl ?? null,
    },
    schedule: {
      timezone: compiled.timeZone,
      rrule: compiled.rrule,
      exdates: compiled.exdates.map((exdate) => isoWithOffset(compiled.timeZone, instantOf(compiled.timeZone, exdate))),
      summary,
    },
    nextSession: next,
    upcomingSessions,
    sessionsRemaining: sessionsRemaining(compiled, window.from),
    url,
    // Per program (its next session) and per listed session, by start: Google and Outlook links; the .ics and webcal:.
    addToCalendar: {
      ...calendarFeedLinks(program.slug, config.publicUrl),
      ...sessionLinks(next, { title: program.title, details: `${program.summary}\n\n${url}`, location: program.location }),
      sessions: upcomingSessions
        .filter((session) => session.status !== 'cancelled')
        .map((session) => ({ start: session.start, ...sessionLinks(session, { title: program.title, details: `${program.summary}\n\n${url}`, location: program.location }) })),
    },
    jsonLd: toJsonLd({ program, compiled, sessions: upcomingSessions, summary, url, organizer: config.organizer, image: absoluteUrl(program.image?.url, config.publicUrl) }),
  };
};


