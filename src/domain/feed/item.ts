import { describeSchedule, instantOf, isoWithOffset, sessionAt, sessionsRemaining, sessionsToList } from '#domain/schedule';
import { calendarFeedLinks, programCalendarLinks } from './add-to-calendar';
import { programJsonLd } from './page';
import { startsIn, type PreparedSchedule } from './ranking';
import { programUrl, type FeedConfig, type ProgramRow } from './types';

/**
 * The public item for one program in a window: what websites list, with its sessions; its schema.org JSON-LD only
 * when asked (`jsonLd: true`: it is what a program's page embeds, ~85% of an item's bytes). Pure.
 */

/** The fields of a feed item a client may pick (`fields=`), in the order items list them. */
export const FEED_ITEM_FIELDS = [
  'documentId', 'slug', 'title', 'kind', 'summary', 'topics', 'format', 'location', 'ageGroup', 'facilitator', 'enrollment', 'schedule',
  'nextSession', 'upcomingSessions', 'sessionsRemaining', 'url', 'addToCalendar',
] as const;
export type FeedItemField = (typeof FEED_ITEM_FIELDS)[number];

/** What an item carries: the fields picked (all when none is), the JSON-LD and the calendar compose links when asked. */
export interface ItemShape {
  fields?: readonly FeedItemField[];
  jsonLd?: boolean;
  calendarLinks?: boolean;
}

export interface Scheduled {
  program: ProgramRow;
  prepared: PreparedSchedule;
  nextMs: number;
}

type ItemConfig = Pick<FeedConfig, 'maxUpcomingSessions' | 'programUrlTemplate' | 'organizer' | 'publicUrl' | 'language' | 'calendarLocale'>;

/**
 * Every field of the item, its JSON-LD when `jsonLd` (the sessions it lists are the item's), and Google and Outlook
 * links for the next and each listed session when `calendarLinks` (~5 KB a program: the feed gives them on request,
 * `include=calendarLinks`; the .ics and webcal: addresses always).
 */
export const toFeedItem = (
  scheduled: Scheduled,
  window: { from: Date; to: Date },
  config: ItemConfig,
  { jsonLd = false, calendarLinks = true }: { jsonLd?: boolean; calendarLinks?: boolean } = {}
) => {
  const { program, prepared, nextMs } = scheduled;
  const { compiled } = prepared;
  const next = sessionAt(compiled, nextMs);
  const url = programUrl(config.programUrlTemplate, program.slug);
  const seatsLeft = program.capacity != null ? Math.max(program.capacity - (program.seatsTaken ?? 0), 0) : null;
  const summary = describeSchedule(compiled.schedule, config.language);
  // Held sessions and, at their original time, those cancelled (status and reason), while they are in the window.
  const upcomingSessions = sessionsToList(compiled, startsIn(prepared, window.from, window.to), window.from, window.to, config.maxUpcomingSessions);
  const item = {
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
    addToCalendar: calendarLinks ? programCalendarLinks(program, url, config.publicUrl, next, upcomingSessions, config.calendarLocale)
      : calendarFeedLinks(program.slug, config.publicUrl, config.calendarLocale),
  };
  if (!jsonLd) return item;
  return { ...item, jsonLd: programJsonLd(program, compiled, upcomingSessions, url, config) };
};

/** The item as a listing asks for it: the picked fields only (all when none is picked), then `jsonLd` when asked. */
export const toShapedItem = (scheduled: Scheduled, window: { from: Date; to: Date }, config: ItemConfig, shape: ItemShape = {}): Record<string, unknown> => {
  const item: Record<string, unknown> = toFeedItem(scheduled, window, config, { jsonLd: shape.jsonLd, calendarLinks: shape.calendarLinks ?? false });
  if (!shape.fields || shape.fields.length === 0) return item;
  const picked: Record<string, unknown> = Object.fromEntries(shape.fields.map((field) => [field, item[field]]));
  return shape.jsonLd ? { ...picked, jsonLd: item.jsonLd } : picked;
};


