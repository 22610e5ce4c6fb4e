import type { Core } from '@strapi/strapi';
import { getConfig } from '#app/utils/config';
import { LRUCache } from 'lru-cache';
import {
  buildCalendar, dayOf, holdsWindowsFrom, pageExtras, prepareSchedule, PROGRAM_FIELDS, programUrl, rankByNextSession, spreadOf, toFeedItem, toShapedItem,
  type CalendarProgram, type Candidate, type FeedConfig, type PreparedSchedule, type ProgramRow, type Ranked, type Scheduled,
} from '#domain/feed';
import { compileSchedule, isComplete, type ScheduleFields } from '#domain/schedule';
import { etagOf, type CacheableAnswer } from '#app/utils/http-cache';
import { checkedLocale, defaultLocale } from '#app/utils/locales';
import { localisedTemplate } from '#app/utils/page-urls';
import { parseFeedQuery, windowFilters, type FeedQuery } from './feed/query';

/**
 * The upcoming-programs feed as a Strapi service: reads programs, ranks them, shapes items or a calendar (the pure
 * parts are #domain/feed, src/domain/feed), after parsing the query string (./feed/query). Answers are kept by the response cache
 * (src/middlewares/response-cache.ts); the feed keeps only compiled schedules and the programs articles rank from,
 * until a program or topic changes (a Document Service middleware calls `invalidate`). A program whose
 * schedule cannot be expanded (stored past validation) is left out of every list and logged, once per version: one
 * broken program never takes a list down.
 */

const PROGRAM = 'api::group-program.group-program';
const SCHEDULE_POPULATE = { populate: { skippedDates: true, sessionChanges: true } } as const;
type Window = Pick<FeedQuery, 'from' | 'to' | 'kind' | 'format' | 'topic' | 'locale'>;
type RankingRow = { documentId: string; title: string; updatedAt: string; schedule?: ScheduleFields | null; topics?: Array<{ slug: string }> };
type ProgramVersion = { documentId: string; title?: string; updatedAt: string; schedule: Parameters<typeof compileSchedule>[0] };

const service = ({ strapi }: { strapi: Core.Strapi }) => {
  const config = (): FeedConfig => ({ ...getConfig(strapi, 'feed'), publicUrl: getConfig(strapi, 'server').url });
  const localeOf = (locale: string | null | undefined) => locale ?? defaultLocale(strapi);
  /** The configuration for answers in `locale`: its words, and its pages' addresses. */
  const configIn = (locale: string | null | undefined): FeedConfig => {
    const settings = config();
    const language = localeOf(locale);
    const notDefault = language === defaultLocale(strapi) ? undefined : language;
    return { ...settings, language, calendarLocale: notDefault, programUrlTemplate: localisedTemplate(settings.programUrlTemplate, language, defaultLocale(strapi)) };
  };
  /** Compiled schedules with their horizon, per program version: they change only when the program does. */
  const preparedSchedules = new LRUCache<string, PreparedSchedule>({ max: 50000 });
  /** Program versions left out, with the reason: each is logged once. */
  const leftOut = new LRUCache<string, string>({ max: 10000 });
  const versionOf = (program: { documentId: string; updatedAt: string }) => `${program.documentId}:${program.updatedAt}`;

  const leaveOut = (program: { documentId: string; title?: string; updatedAt: string }, error: unknown) => {
    const key = versionOf(program);
    if (leftOut.has(key)) return;
    const reason = (error as Error)?.message ?? String(error);
    leftOut.set(key, reason);
    strapi.log.warn(
      `Group program "${program.title ?? program.documentId}" (${program.documentId}) is left out of the feed, calendars and event data: its schedule cannot be expanded (${reason}). Editors see why in its Sessions panel.`
    );
  };

  /** `shape(item)` for each item; an item that fails is left out (and logged), the others are kept. */
  const each = <Item, Shaped>(items: Item[], program: (item: Item) => { documentId: string; title?: string; updatedAt: string }, shape: (item: Item) => Shaped): Shaped[] =>
    items.flatMap((item) => {
      try {
        return [shape(item)];
      } catch (error) {
        leaveOut(program(item), error);
        return [];
      }
    });
  let generation = 0;
  const candidatesForArticles = new Map<string, { key: string; value: Candidate[] }>();

  /**
   * The program's prepared schedule, kept while it holds every window up to `windowDays` (config `maxWindowDays`);
   * null for a program left out (its schedule cannot be expanded).
   */
  const prepare = (program: ProgramVersion, windowDays: number): PreparedSchedule | null => {
    const key = versionOf(program);
    if (leftOut.has(key)) return null;
    const existing = preparedSchedules.get(key);
    const now = Date.now();
    if (existing && holdsWindowsFrom(existing, now, windowDays)) return existing;
    try {
      const entry = prepareSchedule(existing?.compiled ?? compileSchedule(program.schedule), now, { windowDays, spreadDays: spreadOf(program.documentId) });
      preparedSchedules.set(key, entry);
      return entry;
    } catch (error) {
      leaveOut(program, error);
      return null;
    }
  };

  const toCandidates = (rows: RankingRow[]): Candidate[] => {
    const { maxWindowDays } = config();
    return rows.flatMap((row) => {
      const prepared = isComplete(row.schedule) ? prepare({ documentId: row.documentId, title: row.title, updatedAt: String(row.updatedAt), schedule: row.schedule }, maxWindowDays) : null;
      return prepared ? [{ documentId: row.documentId, title: row.title, topicSlugs: (row.topics ?? []).map((topic) => topic.slug), prepared }] : [];
    });
  };

  /** Published, not cancelled programs with a session in the window, by next session; only what ranking needs is read. */
  const ranked = async (query: Window, documentIds?: string[]): Promise<Ranked[]> => {
    const rows = (await strapi.documents(PROGRAM).findMany({
      status: 'published',
      locale: localeOf(query.locale),
      filters: windowFilters(query, documentIds),
      fields: ['title', 'updatedAt'],
      populate: { schedule: SCHEDULE_POPULATE },
    })) as unknown as RankingRow[];
    return rankByNextSession(toCandidates(rows), query.from, query.to);
  };

  /**
   * Every published, not cancelled program with its prepared schedule and topics, read once until a program or
   * topic changes (or the UTC day changes: horizons due then are renewed). Articles pick theirs from it: an
   * article's answer then costs the ranking of its own related or same-topic programs, not a read of every program
   * each minute.
   */
  const articleCandidates = async (locale: string): Promise<Candidate[]> => {
    const key = `${generation}:${dayOf(Date.now())}`;
    const kept = candidatesForArticles.get(locale);
    if (config().cache.enabled && kept?.key === key) return kept.value;
    const rows = (await strapi.documents(PROGRAM).findMany({
      status: 'published',
      locale,
      filters: { cancelled: false },
      fields: ['title', 'updatedAt'],
      populate: { schedule: SCHEDULE_POPULATE, topics: { fields: ['slug'] } },
    })) as unknown as RankingRow[];
    const value = toCandidates(rows);
    if (key === `${generation}:${dayOf(Date.now())}`) candidatesForArticles.set(locale, { key, value });
    return value;
  };

  /** Everything the feed shows, for the programs of one page (the ranked items carry their compiled schedule). */
  const withDetails = async (page: Ranked[], locale: string): Promise<Scheduled[]> => {
    if (page.length === 0) return [];
    const rows = (await strapi.documents(PROGRAM).findMany({
      status: 'published',
      locale,
      filters: { documentId: { $in: page.map((item) => item.documentId) } },
      fields: [...PROGRAM_FIELDS],
      populate: { topics: { fields: ['name', 'slug'] }, facilitator: true },
    })) as unknown as ProgramRow[];
    // Images through the query engine: populating media in the Document Service query costs a query per program.
    const images = (await strapi.db.query(PROGRAM).findMany({
      where: { documentId: { $in: page.map((item) => item.documentId) }, publishedAt: { $notNull: true }, locale },
      select: ['documentId'],
      populate: { image: { select: ['url'] } },
    })) as Array<{ documentId: string; image?: { url: string } | null }>;
    const imageOf = new Map(images.map((row) => [row.documentId, row.image ?? null]));
    const byId = new Map(rows.map((row) => [row.documentId, { ...row, image: imageOf.get(row.documentId) ?? null }]));
    return page.flatMap((item) => {
      const program = byId.get(item.documentId);
      return program ? [{ program, prepared: item.prepared, nextMs: item.nextMs }] : [];
    });
  };

  const withEtag = (body: string): CacheableAnswer => ({ body, etag: etagOf(body) });

  const upcomingItems = async (query: Window) => withDetails(await ranked(query), localeOf(query.locale));

  const calendarPrograms = async (query: FeedQuery, slug?: string): Promise<Array<{ program: ProgramRow; prepared: PreparedSchedule }> | null> => {
    if (!slug) return (await upcomingItems(query)).map(({ program, prepared }) => ({ program, prepared }));
    const [program] = (await strapi.documents(PROGRAM).findMany({
      status: 'published',
      locale: localeOf(query.locale),
      filters: { slug },
      fields: [...PROGRAM_FIELDS],
      populate: { schedule: SCHEDULE_POPULATE },
    })) as unknown as ProgramRow[];
    if (!program) return null;
    const prepared = isComplete(program.schedule) ? prepare({ ...program, schedule: program.schedule }, config().maxWindowDays) : null;
    return prepared ? [{ program, prepared }] : [];
  };

  return {
    /** The query string of a feed or calendar answer; `locale` one of the known locales (a 400 otherwise). */
    parseQuery(query: Record<string, unknown>, paginated = true): FeedQuery & { locale: string } {
      const parsed = parseFeedQuery(query, config(), { paginated });
      return { ...parsed, locale: checkedLocale(strapi, parsed.locale) };
    },

    /**
     * Why the published version of a program is left out of the feed (its schedule cannot be expanded), or null:
     * what the editors' Sessions panel shows on the program.
     */
    async leftOutReason(documentId: string): Promise<string | null> {
      const [program] = (await strapi.documents(PROGRAM).findMany({
        status: 'published',
        filters: { documentId },
        fields: ['title', 'updatedAt'],
        populate: { schedule: SCHEDULE_POPULATE },
      })) as unknown as RankingRow[];
      if (!program || !isComplete(program.schedule)) return null;
      const version = { documentId, title: program.title, updatedAt: String(program.updatedAt), schedule: program.schedule };
      return prepare(version, config().maxWindowDays) ? null : (leftOut.get(versionOf(version)) ?? null);
    },

    /** Forgets the programs articles rank from; called whenever a program or topic changes. */
    invalidate() {
      generation += 1;
    },

    cacheControl() {
      return `public, max-age=${config().cache.ttlSeconds}`;
    },

    /** The JSON feed: one page of items and the window and pagination in `meta`. */
    async upcoming(query: FeedQuery): Promise<CacheableAnswer> {
      const all = await ranked(query);
      const start = (query.page - 1) * query.pageSize;
      const page = await withDetails(all.slice(start, start + query.pageSize), localeOf(query.locale));
      const settings = configIn(query.locale);
      return withEtag(
        JSON.stringify({
          data: each(page, ({ program }) => program, (item) => toShapedItem(item, query, settings, { fields: query.fields, jsonLd: query.jsonLd, calendarLinks: query.calendarLinks })),
          meta: {
            window: { from: query.from.toISOString(), to: query.to.toISOString() },
            pagination: { page: query.page, pageSize: query.pageSize, pageCount: Math.ceil(all.length / query.pageSize), total: all.length },
          },
        })
      );
    },

    /**
     * The next sessions shown under articles: an article's related programs, or, when it has none, programs that
     * share one of its topics. One ranking (kept for the minute, until a program changes) serves every article.
     */
    async forArticles(articles: Array<{ documentId: string; relatedPrograms: string[]; topics: string[] }>, locale: string | null = null, now = new Date()) {
      const { defaultWindowDays, defaultTimezone, articleUpcomingPrograms } = config();
      const query = parseFeedQuery({}, { defaultWindowDays, maxWindowDays: defaultWindowDays, defaultTimezone }, { now, paginated: false });
      const all = await articleCandidates(localeOf(locale));
      const chosen = new Map(
        articles.map((article) => {
          const related = new Set(article.relatedPrograms);
          const topics = new Set(article.topics);
          const candidates = related.size > 0 ? all.filter((item) => related.has(item.documentId)) : all.filter((item) => item.topicSlugs.some((slug) => topics.has(slug)));
          return [article.documentId, rankByNextSession(candidates, query.from, query.to).slice(0, articleUpcomingPrograms)];
        })
      );
      const shown = [...new Map([...chosen.values()].flat().map((item) => [item.documentId, item])).values()];
      // Three sessions under an article: only those are computed, with their calendar links.
      const settings = configIn(locale);
      const itemConfig = { ...settings, maxUpcomingSessions: Math.min(3, settings.maxUpcomingSessions) };
      const items = new Map(
        each(await withDetails(shown, localeOf(locale)), ({ program }) => program, (scheduled) => {
          const item = toFeedItem(scheduled, query, itemConfig);
          return [item.documentId, item] as const;
        })
      );
      return new Map([...chosen].map(([articleId, matches]) => [articleId, matches.flatMap((match) => items.get(match.documentId) ?? [])]));
    },

    /**
     * The .ics and webcal: addresses of programs in a find or findOne answer (in place), and as `shape` asks, their
     * JSON-LD (cancelled programs included, whose series and sessions then say EventCancelled) and Google and Outlook
     * links for the next and each listed session. Only answers that carry the schedule get them.
     */
    decoratePages(documents: Array<Record<string, unknown> & { documentId: string }>, shape: { jsonLd: boolean; calendarLinks: boolean }, locale: string | null = null, now = new Date()) {
      const { defaultWindowDays, maxWindowDays } = config();
      const from = new Date(Math.floor(now.getTime() / 60000) * 60000);
      const to = new Date(from.getTime() + defaultWindowDays * 24 * 60 * 60 * 1000);
      // A program left out keeps its page, without event data.
      const pages = documents.filter((document) => isComplete((document as unknown as ProgramRow).schedule) && (document as unknown as ProgramRow).slug);
      each(pages, (document) => document as unknown as ProgramRow, (document) => {
        const program = document as unknown as ProgramRow & { schedule: Parameters<typeof compileSchedule>[0] };
        const prepared = prepare({ documentId: program.documentId, title: program.title, updatedAt: String(program.updatedAt), schedule: program.schedule }, maxWindowDays);
        if (prepared) Object.assign(document, pageExtras(program, prepared, { from, to }, configIn((document.locale as string | undefined) ?? locale), shape));
      });
    },

    /** The calendar of the programs in the feed, or of one program (by slug; null when it is not published). */
    async calendar(query: FeedQuery, slug?: string): Promise<CacheableAnswer | null> {
      const programs = await calendarPrograms(query, slug);
      if (!programs) return null;
      const { organizer, programUrlTemplate, language } = configIn(query.locale);
      const events: CalendarProgram[] = programs.map(({ program, prepared }) => ({
        documentId: program.documentId,
        title: program.title,
        summary: program.summary,
        location: program.location,
        url: programUrl(programUrlTemplate, program.slug),
        updatedAt: program.updatedAt,
        cancelled: Boolean(program.cancelled),
        compiled: prepared.compiled,
      }));
      return withEtag(
        buildCalendar(events, {
          name: slug && programs[0] ? programs[0].program.title : `${organizer.name}: upcoming group programs`,
          organizerName: organizer.name,
          uidDomain: new URL(organizer.url).hostname,
          language,
        })
      );
    },
  };
};

export default service;

declare module '#app/utils/services' {
  interface Services {
    'api::group-program.feed': ReturnType<typeof service>;
  }
}
