import { describeSchedule, sessionsToList, type CompiledSchedule, type Session } from '#domain/schedule';
import { calendarFeedLinks, programCalendarLinks } from './add-to-calendar';
import { toJsonLd } from './json-ld';
import { startsIn, type PreparedSchedule } from './ranking';
import { absoluteUrl, programUrl, type FeedConfig, type ProgramRow } from './types';

type PageConfig = Pick<FeedConfig, 'maxUpcomingSessions' | 'programUrlTemplate' | 'organizer' | 'publicUrl' | 'language' | 'calendarLocale'>;

/** A program's schema.org JSON-LD for the sessions listed (a feed item's, or its page's). */
export const programJsonLd = (program: ProgramRow, compiled: CompiledSchedule, sessions: Session[], url: string, config: PageConfig) =>
  toJsonLd({
    program, compiled, sessions, url, organizer: config.organizer, image: absoluteUrl(program.image?.url, config.publicUrl),
    summary: describeSchedule(compiled.schedule, config.language), language: config.language,
  });

/**
 * What a program's own answer (or a program list, as it asks) carries beside its fields, for its sessions in the
 * window: `addToCalendar` (always its .ics and webcal: addresses), its JSON-LD when `jsonLd`, and Google and Outlook
 * links for the next and each listed session when `calendarLinks`. Pure.
 */
export const pageExtras = (
  program: ProgramRow,
  prepared: PreparedSchedule,
  window: { from: Date; to: Date },
  config: PageConfig,
  shape: { jsonLd: boolean; calendarLinks: boolean }
): { jsonLd?: ReturnType<typeof toJsonLd>; addToCalendar: Record<string, unknown> } => {
  if (!shape.jsonLd && !shape.calendarLinks) return { addToCalendar: calendarFeedLinks(program.slug, config.publicUrl, config.calendarLocale) };
  const { compiled } = prepared;
  const sessions = sessionsToList(compiled, startsIn(prepared, window.from, window.to), window.from, window.to, config.maxUpcomingSessions);
  const url = programUrl(config.programUrlTemplate, program.slug);
  const next = sessions.find((session) => session.status !== 'cancelled');
  return {
    ...(shape.jsonLd ? { jsonLd: programJsonLd(program, compiled, sessions, url, config) } : {}),
    addToCalendar: shape.calendarLinks ? programCalendarLinks(program, url, config.publicUrl, next, sessions, config.calendarLocale)
      : calendarFeedLinks(program.slug, config.publicUrl, config.calendarLocale),
  };
};
