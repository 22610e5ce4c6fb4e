import type { UID } from '@strapi/strapi';

/**
 * Which content types each kept answer is made of: a write to a document of one of them clears that answer. The one
 * table; src/document-middlewares/cache-invalidation.ts applies it on every write path (admin, REST, Document
 * Service, seed), after the write succeeded. Reads never clear anything.
 */
const ARTICLE = 'api::article.article';
const PROGRAM = 'api::group-program.group-program';
const TOPIC = 'api::topic.topic';
const COMMENT = 'api::comment.comment';
const FILE = 'plugin::upload.file';

type Sources = readonly UID.ContentType[];

/** A public read the response cache keeps (src/middlewares/response-cache.ts), and the types its answer is made of. */
export interface CachedRoute {
  pattern: RegExp;
  madeOf: Sources;
}

export const INVALIDATION = {
  /**
   * Public reads kept by the response cache, first match wins; anything else is never cached. Cleared on every
   * instance (through Redis when REDIS_URL is set). A new comment held for review changes no answer: it clears nothing.
   */
  responses: [
    // The thread before the article's own route, which would also match it.
    { pattern: /^\/api\/articles\/[^/]+\/comments$/i, madeOf: [COMMENT, ARTICLE] },
    // Articles carry their topics, cover, related programs and upcoming sessions.
    { pattern: /^\/api\/articles(\/[^/]+)?$/i, madeOf: [ARTICLE, TOPIC, PROGRAM, FILE] },
    { pattern: /^\/api\/topics(\/[^/]+)?$/i, madeOf: [TOPIC, ARTICLE, PROGRAM] },
    { pattern: /^\/api\/group-programs\/upcoming(\.ics)?$/i, madeOf: [PROGRAM, TOPIC] },
    { pattern: /^\/api\/group-programs\/[^/]+\/calendar\.ics$/i, madeOf: [PROGRAM, TOPIC] },
    { pattern: /^\/api\/group-programs(\/[^/]+)?$/i, madeOf: [PROGRAM, TOPIC, FILE] },
    // The committed OpenAPI document: made of no content, kept (and compressed) once per age limit.
    { pattern: /^\/api\/openapi\.json$/i, madeOf: [] },
  ] satisfies readonly CachedRoute[],
  /**
   * What the feed service keeps between answers: the programs articles rank from. Cleared here, and on the other
   * instances when the response cache's broadcast tells them of the change.
   */
  feed: [PROGRAM, TOPIC] satisfies Sources,
  /** The sitemap, kept in this process only (SITEMAP_CACHE_SECONDS bounds it on the others). */
  sitemap: [ARTICLE, PROGRAM] satisfies Sources,
  /**
   * The static website: its rebuild hooks are called for the changes it can see (publish, unpublish, deleting a
   * published document, a save that publishes at once; for types without drafts every save). Comments reach the
   * website through the API at request time, so they never rebuild it.
   */
  website: [ARTICLE, PROGRAM, TOPIC] satisfies Sources,
} as const;

export type KeptAnswer = keyof typeof INVALIDATION;

const sourcesOf = (answer: KeptAnswer): ReadonlySet<string> =>
  new Set(answer === 'responses' ? INVALIDATION.responses.flatMap((route) => route.madeOf) : INVALIDATION[answer]);

const SOURCES: Record<KeptAnswer, ReadonlySet<string>> = {
  responses: sourcesOf('responses'),
  feed: sourcesOf('feed'),
  sitemap: sourcesOf('sitemap'),
  website: sourcesOf('website'),
};

/** Whether a change to a document of `uid` clears `answer`. */
export const clears = (answer: KeptAnswer, uid: string): boolean => SOURCES[answer].has(uid);

/** Whether a change to a document of `uid` clears any kept answer. */
export const clearsAny = (uid: string): boolean => Object.values(SOURCES).some((sources) => sources.has(uid));

/** The kept public read for a request path, if it is one. */
export const cachedRoute = (path: string): CachedRoute | undefined => INVALIDATION.responses.find((route) => route.pattern.test(path));
