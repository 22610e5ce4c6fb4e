import { Temporal } from 'temporal-polyfill';
import { keptIn } from '#app/utils/kept-in';
import { z } from 'zod';
import { FEED_ITEM_FIELDS, type FeedItemField } from '#domain/feed';
import { fieldError, parseInput } from '#app/utils/validation';

/**
 * The feed's query string, declared once (zod): anything unknown or malformed is a 400 naming the parameter. And
 * the database pre-filter of a window, which must never drop a program that meets in it, in any time zone.
 */

const DAY_MS = 24 * 60 * 60 * 1000;
const KINDS = ['support-group', 'group-therapy'] as const;
const FORMATS = ['in-person', 'online', 'hybrid'] as const;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
// An unencoded "+" in a query string arrives as a space: "+13:00" is read as such.
const DATE_TIME = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?)(Z|[+\- ]\d{2}:\d{2})$/i;

/** A date (midnight in `timeZone`) or a date-time with its offset; an impossible date or time is refused. */
const instant = (parameter: string, timeZone: string) =>
  z
    .string({ error: `${parameter} must be a date (2027-01-31) or a date-time with an offset (2027-01-31T18:00:00-05:00)` })
    .transform((value, ctx) => {
      try {
        if (DATE.test(value)) return new Date(Temporal.PlainDate.from(value).toZonedDateTime(timeZone).epochMilliseconds);
        const parts = DATE_TIME.exec(value);
        if (parts) return new Date(Temporal.Instant.from(`${parts[1]}${parts[2].replace(' ', '+')}`).epochMilliseconds);
      } catch {
        ctx.addIssue({ code: 'custom', message: `${parameter} is not a real date or time: ${value}` });
        return z.NEVER;
      }
      const message = /^\d{4}-\d{2}-\d{2}T[\d:.]+$/.test(value)
        ? `${parameter} needs an offset (Z or ±hh:mm), or give a date alone`
        : `${parameter} must be a date (2027-01-31) or a date-time with an offset (2027-01-31T18:00:00-05:00)`;
      ctx.addIssue({ code: 'custom', message });
      return z.NEVER;
    });

const wholeNumber = (parameter: string, max: number) =>
  z
    .string({ error: `${parameter} must be a whole number from 1 to ${max}` })
    .regex(/^\d{1,6}$/, `${parameter} must be a whole number from 1 to ${max}`)
    .transform(Number)
    .refine((value) => value >= 1 && value <= max, `${parameter} must be a whole number from 1 to ${max}`);

const INCLUDES = ['jsonLd', 'calendarLinks'] as const;

/**
 * A list of names, as `name=a,b` or `name[0]=a&name[1]=b` (qs arrays), each one of `allowed`: an unknown name is a
 * 400 naming it.
 */
const names = <Name extends string>(parameter: string, allowed: readonly Name[]) =>
  z
    .union([z.string(), z.array(z.string())], { error: `${parameter} must be a comma-separated list of ${allowed.join(', ')}` })
    .transform((value, ctx) => {
      const listed = (Array.isArray(value) ? value : [value]).flatMap((entry) => entry.split(',')).map((entry) => entry.trim()).filter(Boolean);
      const unknown = listed.filter((entry) => !(allowed as readonly string[]).includes(entry));
      if (unknown.length > 0) {
        ctx.addIssue({ code: 'custom', message: `${parameter}: unknown ${unknown.length > 1 ? 'names' : 'name'} ${unknown.map((entry) => `"${entry.slice(0, 60)}"`).join(', ')} (one of ${allowed.join(', ')})` });
        return z.NEVER;
      }
      return [...new Set(listed)] as Name[];
    });

const buildFeedQuerySchema = (paginated: boolean, timeZone: string) =>
  z
    .object({
      from: instant('from', timeZone).optional(),
      to: instant('to', timeZone).optional(),
      kind: z.enum(KINDS, { error: `kind must be one of ${KINDS.join(', ')}` }).optional(),
      format: z.enum(FORMATS, { error: `format must be one of ${FORMATS.join(', ')}` }).optional(),
      topic: z.string({ error: 'topic must be a topic slug, e.g. grief' }).regex(/^[a-z0-9-]{1,180}$/, 'topic must be a topic slug, e.g. grief').optional(),
      // Which of the known locales is checked by the service (the list lives in the database).
      locale: z.string({ error: 'locale must be a locale code, e.g. es' }).max(35, 'locale must be a locale code, e.g. es').optional(),
      ...(paginated
        ? {
            page: wholeNumber('page', 10000).default(1),
            pageSize: wholeNumber('pageSize', 100).default(25),
            fields: names('fields', FEED_ITEM_FIELDS).optional(),
            include: names('include', INCLUDES).optional(),
          }
        : {}),
    })
    .strict();

/** Built once per shape and time zone: every feed answer and every article's upcoming programs parse a query. */
const schemas = new Map<string, ReturnType<typeof buildFeedQuerySchema>>();
const feedQuerySchema = (paginated: boolean, timeZone: string) => keptIn(schemas, `${paginated}:${timeZone}`, () => buildFeedQuerySchema(paginated, timeZone));

export interface FeedQuery {
  from: Date;
  to: Date;
  kind?: string;
  topic?: string;
  format?: string;
  page: number;
  pageSize: number;
  /** True when `from` was not given: the answer then moves with the clock. */
  fromIsNow: boolean;
  /** The item fields picked (`fields=`); all when empty. */
  fields: FeedItemField[];
  /** Whether items carry their JSON-LD (`include=jsonLd`). */
  jsonLd: boolean;
  /** Whether items' addToCalendar carries Google and Outlook links (`include=calendarLinks`). */
  calendarLinks: boolean;
  /** The locale asked for (`locale=es`), unchecked; the service makes it a known one. */
  locale?: string;
}

interface QueryConfig {
  defaultWindowDays: number;
  maxWindowDays: number;
  /** Dates without a time are midnight here (DEFAULT_TIMEZONE). */
  defaultTimezone: string;
}

export const parseFeedQuery = (
  query: Record<string, unknown>,
  config: QueryConfig,
  { now = new Date(), paginated = true }: { now?: Date; paginated?: boolean } = {}
): FeedQuery => {
  const parsed = parseInput(feedQuerySchema(paginated, config.defaultTimezone), query) as {
    from?: Date;
    to?: Date;
    kind?: string;
    format?: string;
    topic?: string;
    page?: number;
    pageSize?: number;
    fields?: FeedItemField[];
    include?: Array<(typeof INCLUDES)[number]>;
    locale?: string;
  };
  const fromIsNow = parsed.from === undefined;
  // "Now" is taken to the minute, so answers (and their ETags) hold still for a minute.
  const from = parsed.from ?? new Date(Math.floor(now.getTime() / 60000) * 60000);
  const to = parsed.to ?? new Date(from.getTime() + config.defaultWindowDays * DAY_MS);
  if (to.getTime() <= from.getTime()) throw fieldError('to', 'to must be after from');
  if (to.getTime() - from.getTime() > config.maxWindowDays * DAY_MS) throw fieldError('to', `from and to may be at most ${config.maxWindowDays} days apart`);
  return {
    from,
    to,
    fromIsNow,
    kind: parsed.kind,
    format: parsed.format,
    topic: parsed.topic,
    page: paginated ? (parsed.page ?? 1) : 1,
    pageSize: paginated ? (parsed.pageSize ?? 25) : 100,
    fields: parsed.fields ?? [],
    jsonLd: (parsed.include ?? []).includes('jsonLd'),
    calendarLinks: (parsed.include ?? []).includes('calendarLinks'),
    locale: parsed.locale,
  };
};

/** Local dates are at most 14 hours ahead of UTC (Kiribati) and 12 behind: the widest a window's dates reach. */
const EAST_MS = 14 * 60 * 60 * 1000;
const WEST_MS = 12 * 60 * 60 * 1000;
const utcDate = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/**
 * Which local dates the window [from, to) may touch in some time zone. A program whose first date is after the
 * last of them, or whose end date is before the first, cannot meet in the window; everything else is expanded.
 */
export const windowDates = (query: Pick<FeedQuery, 'from' | 'to'>) => ({
  firstDate: utcDate(query.from.getTime() - WEST_MS),
  lastDate: utcDate(query.to.getTime() + EAST_MS),
});

/** The Document Service filters of a window and the feed's filters: a safe pre-filter, exact sessions come later. */
export const windowFilters = (query: Pick<FeedQuery, 'from' | 'to' | 'kind' | 'format' | 'topic'>, documentIds?: string[]) => {
  const { firstDate, lastDate } = windowDates(query);
  return {
    cancelled: false,
    ...(query.kind ? { kind: query.kind as 'support-group' } : {}),
    ...(query.format ? { format: query.format as 'online' } : {}),
    ...(query.topic ? { topics: { slug: query.topic } } : {}),
    ...(documentIds ? { documentId: { $in: documentIds } } : {}),
    $and: [
      { schedule: { firstSessionDate: { $lte: lastDate } } },
      { $or: [{ schedule: { ends: { $ne: 'on-date' as const } } }, { schedule: { endDate: { $gte: firstDate } } }] },
    ],
  };
};
