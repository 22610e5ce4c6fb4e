import { createHash } from 'crypto';
import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { parseFeedQuery, type FeedQuery } from '../feed-query';
import { buildCalendar, type CalendarProgram } from './calendar';
import {
  compileSchedule,
  describeSchedule,
  isComplete,
  ordinalsOf,
  sessionAt,
  sessionsRemaining,
  startsBetween,
  weekdayOf,
  type CompiledSchedule,
  type ScheduleFields,
  type Session,
} from './schedule';

/**
 * The upcoming-programs feed: which published programs meet in a window, sorted by their next session, in the
 * shape websites embed (JSON with schema.org JSON-LD) or subscribe to (iCalendar). Answers are cached in the
 * process and cleared by the feed-cache Document Service middleware whenever a program or topic changes.
 */

const PROGRAM = 'api::group-program.group-program';
const PREPARED_LIMIT = 50000;
const PROGRAM_FIELDS = [
  'slug', 'title', 'kind', 'summary', 'format', 'location', 'capacity', 'seatsTaken', 'enrollmentStatus', 'cost',
  'insuranceAccepted', 'ageGroup', 'registrationUrl', 'cancelled', 'updatedAt',
] as const;
const DAY_MS = 24 * 60 * 60 * 1000;

export type { FeedQuery };

export interface FeedConfig {
  defaultWindowDays: number;
  maxWindowDays: number;
  maxUpcomingSessions: number;
  cache: { enabled: boolean; ttlSeconds: number; maxEntries: number };
  organizer: { name: string; url: string };
  programUrlTemplate: string;
}

interface ProgramRow {
  documentId: string;
  cancelled?: boolean | null;
  slug: string;
  title: string;
  kind: string;
  summary: string;
  format: string;
  location?: string | null;
  capacity?: number | null;
  seatsTaken?: number | null;
  enrollmentStatus: string;
  cost?: string | null;
  insuranceAccepted?: boolean | null;
  ageGroup?: string | null;
  registrationUrl?: string | null;
  updatedAt: string;
  topics?: Array<{ name: string; slug: string }>;
  facilitator?: { name: string; credentials?: string | null } | null;
  schedule?: ScheduleFields | null;
}

/**
 * A program's compiled schedule with its session starts over a horizon (yesterday to `HORIZON_DAYS` ahead), kept
 * per program version (documentId + updatedAt): expanding a recurrence is the feed's main cost, and it only
 * changes when the program does.
 */
export interface PreparedSchedule {
  compiled: CompiledSchedule;
  horizonFrom: number;
  horizonTo: number;
  starts: number[];
}

export const HORIZON_DAYS = 400;

/** Session starts in [from, to), from the horizon when it covers the window, else from the rule. */
export const startsIn = (prepared: PreparedSchedule, from: Date, to: Date): number[] => {
  const fromMs = from.getTime();
  const toMs = to.getTime();
  if (fromMs < prepared.horizonFrom || toMs > prepared.horizonTo) return startsBetween(prepared.compiled, from, to);
  let low = 0;
  let high = prepared.starts.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (prepared.starts[middle] < fromMs) low = middle + 1;
    else high = middle;
  }
  const starts: number[] = [];
  for (let index = low; index < prepared.starts.length && prepared.starts[index] < toMs; index += 1) starts.push(prepared.starts[index]);
  return starts;
};

/** The first session start in [from, to), or null. */
const firstStartIn = (prepared: PreparedSchedule, from: Date, to: Date): number | null => {
  const fromMs = from.getTime();
  if (fromMs < prepared.horizonFrom || to.getTime() > prepared.horizonTo) return startsBetween(prepared.compiled, from, to)[0] ?? null;
  const next = prepared.starts.find((start) => start >= fromMs);
  return next !== undefined && next < to.getTime() ? next : null;
};

interface Scheduled {
  program: ProgramRow;
  prepared: PreparedSchedule;
  nextMs: number;
}

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
const REPEAT_FREQUENCY = (compiled: CompiledSchedule) => {
  const interval = Math.max(1, compiled.schedule.interval ?? 1);
  return compiled.schedule.repeats === 'weekly' ? `P${interval}W` : `P${interval}M`;
};

const priceOf = (cost: string | null | undefined) => {
  if (!cost) return undefined;
  if (/^\s*free\b/i.test(cost)) return 0;
  const amount = cost.match(/(\d+(?:\.\d{1,2})?)/);
  return amount ? Number(amount[1]) : undefined;
};

/** A schema.org EventSeries a website can embed as JSON-LD. */
export const toJsonLd = (program: ProgramRow, compiled: CompiledSchedule, next: Session, url: string, organizer: FeedConfig['organizer']) => {
  const { schedule } = compiled;
  const place = program.location ? { '@type': 'Place', name: program.location, address: program.location } : undefined;
  const virtual = { '@type': 'VirtualLocation', url: program.registrationUrl ?? url };
  const location = program.format === 'online' ? virtual : program.format === 'hybrid' ? [place, virtual].filter(Boolean) : place;
  const eventSchedule: Record<string, unknown> = {
    '@type': 'Schedule',
    scheduleTimezone: schedule.timezone,
    startDate: schedule.firstSessionDate,
    startTime: schedule.startTime.slice(0, 5),
    endTime: next.end.slice(11, 16),
    duration: `PT${schedule.durationMinutes}M`,
  };
  if (schedule.repeats !== 'once') {
    eventSchedule.repeatFrequency = REPEAT_FREQUENCY(compiled);
    if (schedule.repeats !== 'monthly-by-date') eventSchedule.byDay = `https://schema.org/${weekdayOf(schedule)}`;
    if (schedule.repeats === 'monthly-by-weekday') eventSchedule.byMonthWeek = ordinalsOf(schedule);
    if (schedule.repeats === 'monthly-by-date') eventSchedule.byMonthDay = Number(schedule.firstSessionDate.slice(8, 10));
  }
  if (schedule.ends === 'after-sessions' && schedule.sessionCount) eventSchedule.repeatCount = schedule.sessionCount;
  if (schedule.ends === 'on-date' && schedule.endDate) eventSchedule.endDate = schedule.endDate;
  if (schedule.skippedDates?.length) eventSchedule.exceptDate = schedule.skippedDates.map((skipped) => skipped.date);

  const price = priceOf(program.cost);
  return {
    '@context': 'https://schema.org',
    '@type': 'EventSeries',
    name: program.title,
    description: program.summary,
    url,
    eventStatus: 'https://schema.org/EventScheduled',
    eventAttendanceMode: ATTENDANCE[program.format] ?? ATTENDANCE['in-person'],
    startDate: next.start,
    ...(location ? { location } : {}),
    eventSchedule,
    organizer: { '@type': 'Organization', name: organizer.name, url: organizer.url },
    ...(program.facilitator ? { performer: { '@type': 'Person', name: program.facilitator.name } } : {}),
    offers: {
      '@type': 'Offer',
      url: program.registrationUrl ?? url,
      availability: AVAILABILITY[program.enrollmentStatus] ?? AVAILABILITY.open,
      ...(price !== undefined ? { price, priceCurrency: 'USD' } : {}),
      ...(program.cost ? { description: program.cost } : {}),
    },
  };
};

const programUrl = (template: string, slug: string) => template.replace('{slug}', encodeURIComponent(slug));

/** The public item for one program in the window. */
export const toFeedItem = (scheduled: Scheduled, query: Pick<FeedQuery, 'from' | 'to'>, config: FeedConfig) => {
  const { program, prepared, nextMs } = scheduled;
  const { compiled } = prepared;
  const next = sessionAt(compiled, nextMs);
  const url = programUrl(config.programUrlTemplate, program.slug);
  const seatsLeft = program.capacity != null ? Math.max(program.capacity - (program.seatsTaken ?? 0), 0) : null;
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
      timezone: compiled.schedule.timezone,
      rrule: compiled.rrule,
      exdates: compiled.exdates.map((exdate) => exdate.toString({ timeZoneName: 'never', smallestUnit: 'second' })),
      summary: describeSchedule(compiled.schedule),
    },
    nextSession: next,
    upcomingSessions: startsIn(prepared, query.from, query.to)
      .slice(0, config.maxUpcomingSessions)
      .map((start) => sessionAt(compiled, start)),
    sessionsRemaining: sessionsRemaining(compiled, query.from),
    url,
    jsonLd: toJsonLd(program, compiled, next, url, config.organizer),
  };
};

export type FeedItem = ReturnType<typeof toFeedItem>;

interface CachedAnswer {
  body: string;
  etag: string;
  expires: number;
}

/** Writes a feed answer with its ETag and Cache-Control; a matching If-None-Match gets a 304 with no body. */
export const respondWith = (ctx: Context, answer: { body: string; etag: string }, contentType: string, cacheControl: string) => {
  ctx.set('ETag', answer.etag);
  ctx.set('Cache-Control', cacheControl);
  ctx.vary('Accept-Encoding');
  ctx.status = 200; // koa compares If-None-Match only for a 2xx answer
  if (ctx.fresh) {
    ctx.status = 304;
    return;
  }
  ctx.type = contentType;
  ctx.body = answer.body;
};

export const JSON_TYPE = 'application/json; charset=utf-8';
export const CALENDAR_TYPE = 'text/calendar; charset=utf-8';

export const etagOf = (body: string) => `W/"${createHash('sha1').update(body).digest('base64url')}"`;

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const cache = new Map<string, CachedAnswer>();
  let generation = 0;

  const config = () => strapi.config.get('feed') as FeedConfig;

  const prepared = new Map<string, PreparedSchedule>();
  let articleRanking: { key: string; value: Awaited<ReturnType<typeof ranked>> } | undefined;

  /** The program's schedule, compiled and expanded over the horizon, reused while the program is unchanged. */
  const prepare = (program: { documentId: string; updatedAt: string; schedule: ScheduleFields }): PreparedSchedule => {
    const key = `${program.documentId}:${program.updatedAt}`;
    const today = Math.floor(Date.now() / DAY_MS) * DAY_MS;
    const horizonFrom = today - DAY_MS;
    const existing = prepared.get(key);
    if (existing && existing.horizonFrom === horizonFrom) return existing;
    const compiled = existing?.compiled ?? compileSchedule(program.schedule as Parameters<typeof compileSchedule>[0]);
    const horizonTo = today + HORIZON_DAYS * DAY_MS;
    const entry = { compiled, horizonFrom, horizonTo, starts: startsBetween(compiled, new Date(horizonFrom), new Date(horizonTo)) };
    prepared.delete(key);
    prepared.set(key, entry);
    if (prepared.size > PREPARED_LIMIT) prepared.delete(prepared.keys().next().value!);
    return entry;
  };

  const filtersFor = (query: Pick<FeedQuery, 'from' | 'to' | 'kind' | 'format' | 'topic'>, documentIds?: string[]) => {
    const toDate = query.to.toISOString().slice(0, 10);
    const fromDate = new Date(query.from.getTime() - DAY_MS).toISOString().slice(0, 10);
    return {
      cancelled: false,
      ...(query.kind ? { kind: query.kind as 'support-group' } : {}),
      ...(query.format ? { format: query.format as 'online' } : {}),
      ...(query.topic ? { topics: { slug: query.topic } } : {}),
      ...(documentIds ? { documentId: { $in: documentIds } } : {}),
      $and: [
        { schedule: { firstSessionDate: { $lte: toDate } } },
        { $or: [{ schedule: { ends: { $ne: 'on-date' as const } } }, { schedule: { endDate: { $gte: fromDate } } }] },
      ],
    };
  };

  /**
   * Published, not cancelled programs with a session in [from, to), sorted by next session. Only what ranking
   * needs is read for every candidate; the rest is read for the page shown (`withDetails`).
   */
  const ranked = async (query: Pick<FeedQuery, 'from' | 'to' | 'kind' | 'format' | 'topic'>, documentIds?: string[], withTopics = false) => {
    const rows = (await strapi.documents(PROGRAM).findMany({
      status: 'published',
      filters: filtersFor(query, documentIds),
      fields: ['title', 'updatedAt'],
      populate: { schedule: { populate: { skippedDates: true } }, ...(withTopics ? { topics: { fields: ['slug'] } } : {}) },
    })) as unknown as Array<{ documentId: string; title: string; updatedAt: string; schedule?: ScheduleFields | null; topics?: Array<{ slug: string }> }>;
    const scheduled: Array<{ documentId: string; title: string; prepared: PreparedSchedule; nextMs: number; topicSlugs: string[] }> = [];
    for (const row of rows) {
      if (!isComplete(row.schedule)) continue;
      const entry = prepare({ documentId: row.documentId, updatedAt: String(row.updatedAt), schedule: row.schedule });
      const nextMs = firstStartIn(entry, query.from, query.to);
      if (nextMs !== null) {
        scheduled.push({ documentId: row.documentId, title: row.title, prepared: entry, nextMs, topicSlugs: (row.topics ?? []).map((topic) => topic.slug) });
      }
    }
    return scheduled.sort((a, b) => a.nextMs - b.nextMs || a.title.localeCompare(b.title));
  };

  /** Everything the feed shows, for the programs of one page. */
  const withDetails = async (page: Array<{ documentId: string; prepared: PreparedSchedule; nextMs: number }>): Promise<Scheduled[]> => {
    if (page.length === 0) return [];
    const rows = (await strapi.documents(PROGRAM).findMany({
      status: 'published',
      filters: { documentId: { $in: page.map((item) => item.documentId) } },
      fields: [...PROGRAM_FIELDS],
      // The schedule is not read again: the ranked items carry it compiled.
      populate: { topics: { fields: ['name', 'slug'] }, facilitator: true },
    })) as unknown as ProgramRow[];
    const byId = new Map(rows.map((row) => [row.documentId, row]));
    return page.flatMap((item) => {
      const program = byId.get(item.documentId);
      return program ? [{ program, prepared: item.prepared, nextMs: item.nextMs }] : [];
    });
  };

  const cacheKey = (kind: string, q: FeedQuery, slug?: string) =>
    JSON.stringify([kind, slug ?? null, q.from.getTime(), q.to.getTime(), q.kind, q.topic, q.format, q.page, q.pageSize]);

  /** The cached answer for `key`, or computes, stores and returns it. */
  const cached = async (key: string, compute: () => Promise<string | null>): Promise<CachedAnswer | null> => {
    const settings = config().cache;
    const hit = settings.enabled ? cache.get(key) : undefined;
    if (hit && hit.expires > Date.now()) return hit;
    const startedAt = generation;
    const body = await compute();
    if (body === null) return null;
    const answer = { body, etag: etagOf(body), expires: Date.now() + settings.ttlSeconds * 1000 };
    // An edit while this was computed makes it stale: answer it, but do not keep it.
    if (settings.enabled && startedAt === generation) {
      cache.delete(key);
      cache.set(key, answer);
      if (cache.size > settings.maxEntries) cache.delete(cache.keys().next().value!);
    }
    return answer;
  };

  return {
    parseQuery(query: Record<string, unknown>, paginated = true) {
      return parseFeedQuery(query, config(), { paginated });
    },

    /** A fresh cached answer, if there is one: the fast path of the feed-cache middleware. */
    lookup(kind: 'json' | 'ics', query: FeedQuery, slug?: string): CachedAnswer | undefined {
      if (!config().cache.enabled) return undefined;
      const hit = cache.get(cacheKey(kind, query, slug));
      return hit && hit.expires > Date.now() ? hit : undefined;
    },

    /** Forgets every cached answer; called whenever a program or topic changes. */
    invalidate() {
      generation += 1;
      cache.clear();
    },

    cacheControl() {
      return `public, max-age=${config().cache.ttlSeconds}`;
    },

    async upcomingItems(query: Pick<FeedQuery, 'from' | 'to' | 'kind' | 'format' | 'topic'>, documentIds?: string[]) {
      return withDetails(await ranked(query, documentIds));
    },

    /** The JSON feed: one page of items and the window and pagination in `meta`. */
    async upcoming(query: FeedQuery): Promise<CachedAnswer> {
      const answer = await cached(cacheKey('json', query), async () => {
        const scheduled = await ranked(query);
        const start = (query.page - 1) * query.pageSize;
        const page = await withDetails(scheduled.slice(start, start + query.pageSize));
        return JSON.stringify({
          data: page.map((item) => toFeedItem(item, query, config())),
          meta: {
            window: { from: query.from.toISOString(), to: query.to.toISOString() },
            pagination: { page: query.page, pageSize: query.pageSize, pageCount: Math.ceil(scheduled.length / query.pageSize), total: scheduled.length },
          },
        });
      });
      return answer!;
    },

    /**
     * The next sessions shown under articles: an article's related programs, or, when it has none, programs that
     * share one of its topics. One feed computation (cached) serves every article of the answer.
     */
    async forArticles(articles: Array<{ documentId: string; relatedPrograms: string[]; topics: string[] }>, now = new Date()) {
      const { defaultWindowDays, articleUpcomingPrograms } = strapi.config.get('feed') as FeedConfig & { articleUpcomingPrograms: number };
      const query = parseFeedQuery({}, { defaultWindowDays, maxWindowDays: defaultWindowDays }, { now, paginated: false });
      // Every article answer ranks the same programs: keep that ranking for the minute, until a program changes.
      const key = `${query.from.getTime()}:${generation}`;
      if (!config().cache.enabled || articleRanking?.key !== key) articleRanking = { key, value: await ranked(query, undefined, true) };
      const all = articleRanking.value;
      const chosen = new Map(
        articles.map((article) => {
          const related = new Set(article.relatedPrograms);
          const topics = new Set(article.topics);
          const matches =
            related.size > 0
              ? all.filter((item) => related.has(item.documentId))
              : all.filter((item) => item.topicSlugs.some((slug) => topics.has(slug)));
          return [article.documentId, matches.slice(0, articleUpcomingPrograms)];
        })
      );
      const shown = [...new Map([...chosen.values()].flat().map((item) => [item.documentId, item])).values()];
      const items = new Map(
        (await withDetails(shown)).map((scheduled) => {
          const { jsonLd: _jsonLd, upcomingSessions, ...item } = toFeedItem(scheduled, query, config());
          return [item.documentId, { ...item, upcomingSessions: upcomingSessions.slice(0, 3) }];
        })
      );
      return new Map([...chosen].map(([articleId, matches]) => [articleId, matches.flatMap((match) => items.get(match.documentId) ?? [])]));
    },

    /** The calendar of the programs in the feed, or of one program (by slug; null when it is not published). */
    async calendar(query: FeedQuery, slug?: string): Promise<CachedAnswer | null> {
      return cached(cacheKey('ics', query, slug), async () => {
        let programs: Array<{ program: ProgramRow; compiled: CompiledSchedule }>;
        if (slug) {
          const [program] = (await strapi.documents(PROGRAM).findMany({
            status: 'published',
            filters: { slug },
            fields: [...PROGRAM_FIELDS],
            populate: { schedule: { populate: { skippedDates: true } } },
          })) as unknown as ProgramRow[];
          if (!program) return null;
          programs = isComplete(program.schedule)
            ? [{ program, compiled: prepare({ ...program, schedule: program.schedule }).compiled }]
            : [];
        } else {
          // The schedules were compiled while ranking: reuse them.
          programs = (await this.upcomingItems(query)).map((item) => ({ program: item.program, compiled: item.prepared.compiled }));
        }
        const { organizer, programUrlTemplate } = config();
        const events: CalendarProgram[] = programs.map(({ program, compiled }) => ({
          documentId: program.documentId,
          title: program.title,
          summary: program.summary,
          location: program.location,
          url: programUrl(programUrlTemplate, program.slug),
          updatedAt: program.updatedAt,
          cancelled: Boolean(program.cancelled),
          compiled,
        }));
        return buildCalendar(events, {
          name: slug && programs[0] ? programs[0].program.title : `${organizer.name}: upcoming group programs`,
          organizerName: organizer.name,
          uidDomain: new URL(organizer.url).hostname,
        });
      });
    },
  };
};
