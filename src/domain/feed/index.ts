/**
 * The upcoming-programs feed as plain TypeScript (no Strapi): which programs meet in a window and in what order
 * (`ranking.ts`), a program as a feed item (`item.ts`) or on its own page (`page.ts`) with its schema.org event data (`json-ld.ts`), and
 * iCalendar files (`calendar.ts`, `vtimezone.ts`). Reading programs and the query string is Strapi's part
 * (src/api/group-program/services/feed.ts).
 */
export { checkExpandable, dayOf, holdsWindowsFrom, prepareSchedule, rankByNextSession, spreadOf, startsIn, type Candidate, type PreparedSchedule, type Ranked } from './ranking';
export { FEED_ITEM_FIELDS, toFeedItem, toShapedItem, type FeedItemField, type ItemShape, type Scheduled } from './item';
export { toJsonLd } from './json-ld';
export { pageExtras, programJsonLd } from './page';
export { calendarFeedLinks, sessionLinks, type SessionLinks } from './add-to-calendar';
export { buildCalendar, type CalendarProgram } from './calendar';
export { vtimezone } from './vtimezone';
export { absoluteUrl, PROGRAM_FIELDS, programUrl, type FeedConfig, type ProgramRow } from './types';
