import { errors, ok, ref } from '../schemas';
import { localeParameter, slugParameter, type Describe } from './shared';

/** The upcoming-programs feed and calendars (src/api/group-program/routes/01-upcoming.ts). */
const FILTERS = [
  localeParameter,
  { name: 'kind', in: 'query' as const, schema: { type: 'string', enum: ['support-group', 'group-therapy'] } },
  { name: 'topic', in: 'query' as const, description: 'A topic slug.', schema: { type: 'string', pattern: '^[a-z0-9-]{1,180}$' } },
  { name: 'format', in: 'query' as const, schema: { type: 'string', enum: ['in-person', 'online', 'hybrid'] } },
];
const WINDOW = [
  { name: 'from', in: 'query' as const, description: 'ISO 8601 date or date-time (default: now).', schema: { type: 'string' } },
  { name: 'to', in: 'query' as const, description: 'ISO 8601 date or date-time (default: from + FEED_DEFAULT_WINDOW_DAYS; at most FEED_MAX_WINDOW_DAYS after from).', schema: { type: 'string' } },
];
const CACHING = {
  ETag: { description: 'Send it back in If-None-Match for a 304.', schema: { type: 'string' } },
  'Cache-Control': { description: 'public, max-age=60', schema: { type: 'string' } },
};
const notModified = { '304': { description: 'Not modified (If-None-Match matched the ETag).' } };
const calendar = (description: string) => ({ description, headers: CACHING, content: { 'text/calendar': { schema: { type: 'string', pattern: '^BEGIN:VCALENDAR' } } } });

export const feedOperations: Record<string, Describe> = {
  'api::group-program.group-program.upcoming': () => ({
    summary: 'Programs with a session in a window (the upcoming-programs feed)',
    tags: ['Feed'],
    parameters: [
      ...WINDOW,
      ...FILTERS,
      { name: 'page', in: 'query', schema: { type: 'string', pattern: '^\\d{1,6}$' } },
      { name: 'pageSize', in: 'query', description: '1 to 100 (default 25).', schema: { type: 'string', pattern: '^\\d{1,6}$' } },
      {
        name: 'fields',
        in: 'query',
        description:
          'Item fields to return, comma-separated (or fields[0]=…&fields[1]=…): documentId, slug, title, kind, summary, topics, format, location, ageGroup, facilitator, enrollment, schedule, nextSession, upcomingSessions, sessionsRemaining, url. Default: all of them. An unknown name is a 400 naming it.',
        schema: { type: 'string', pattern: '^[A-Za-z,]+$' },
        example: 'slug,title,nextSession,url',
      },
      {
        name: 'include',
        in: 'query',
        description:
          'Comma-separated. jsonLd: each item also carries its schema.org JSON-LD (an EventSeries and an Event per listed session), as the feed did before issue 25. calendarLinks: addToCalendar also carries Google Calendar and Outlook links for the next and each listed session (by default only the .ics and webcal: addresses).',
        schema: { type: 'string', pattern: '^(jsonLd|calendarLinks)(,(jsonLd|calendarLinks))*$' },
        example: 'jsonLd,calendarLinks',
      },
    ],
    responses: {
      '200': ok(
        'A page of programs, sorted by next session.',
        {
          type: 'object',
          required: ['data', 'meta'],
          properties: {
            data: { type: 'array', items: ref('FeedItem') },
            meta: {
              type: 'object',
              required: ['window', 'pagination'],
              properties: {
                window: { type: 'object', required: ['from', 'to'], properties: { from: { type: 'string', format: 'date-time' }, to: { type: 'string', format: 'date-time' } } },
                pagination: ref('Pagination'),
              },
            },
          },
        },
        CACHING
      ),
      ...notModified,
      ...errors('BadRequest'),
    },
  }),
  'api::group-program.group-program.upcomingCalendar': () => ({
    summary: 'The feed as an iCalendar file (same filters, no paging)',
    tags: ['Feed'],
    parameters: [...WINDOW, ...FILTERS],
    responses: { '200': calendar('An RFC 5545 calendar of the programs.'), ...notModified, ...errors('BadRequest') },
  }),
  'api::group-program.group-program.calendar': () => ({
    summary: "One program's calendar",
    tags: ['Feed'],
    parameters: [slugParameter('The program slug.'), localeParameter],
    responses: { '200': calendar("An RFC 5545 calendar of the program's sessions."), ...notModified, ...errors('NotFound') },
  }),
};
