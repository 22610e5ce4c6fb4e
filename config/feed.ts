import type { Core } from '@strapi/strapi';

/** An IANA time zone name, or the server refuses to start naming the variable. */
const timeZone = (name: string, value: string) => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: value });
  } catch {
    throw new Error(`${name} "${value}" is not a time zone: use an IANA name such as America/New_York`);
  }
  return value;
};

/** The upcoming-programs feed (`/api/group-programs/upcoming`, `.ics`) and the programs shown under articles. */
const config = ({ env }: Core.Config.Shared.ConfigParams) => ({
  /** Time zone a new schedule gets when the editor leaves it empty, and of `from`/`to` given as dates. */
  defaultTimezone: timeZone('DEFAULT_TIMEZONE', env('DEFAULT_TIMEZONE', 'America/New_York')),
  /** Window when the client gives no `to`, and the longest window a client may ask for. */
  defaultWindowDays: env.int('FEED_DEFAULT_WINDOW_DAYS', 90),
  maxWindowDays: env.int('FEED_MAX_WINDOW_DAYS', 366),
  /** How many sessions each item lists. */
  maxUpcomingSessions: env.int('FEED_MAX_UPCOMING_SESSIONS', 10),
  /**
   * Answers are kept by the response cache (config/response-cache.ts). `enabled`: the feed keeps the programs articles
   * rank from until a program or topic changes; `ttlSeconds`: the `Cache-Control: max-age` of feed answers.
   */
  cache: {
    enabled: env.bool('FEED_CACHE', true),
    ttlSeconds: env.int('FEED_CACHE_TTL_SECONDS', 60),
  },
  /** Who runs the programs, for schema.org JSON-LD and calendar files. */
  organizer: {
    name: env('ORGANIZER_NAME', 'Counseling Practice'),
    url: env('ORGANIZER_URL', 'https://counseling.example'),
  },
  /** Where a program's page lives on the website: `{slug}` is replaced. */
  programUrlTemplate: env('PROGRAM_URL_TEMPLATE', 'https://counseling.example/programs/{slug}'),
  /** How many programs an article shows in `upcomingPrograms`. */
  articleUpcomingPrograms: env.int('ARTICLE_UPCOMING_PROGRAMS', 4),
});

export type FeedConfig = ReturnType<typeof config>;

export default config;
