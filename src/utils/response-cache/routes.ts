/**
 * The public reads the response cache keeps, and the content types each answer is made of: a change to a document
 * of one of those types clears the answers at once (`tags`). Everything else is never cached.
 */
const ARTICLE = 'api::article.article';
const PROGRAM = 'api::group-program.group-program';
const TOPIC = 'api::topic.topic';
const COMMENT = 'api::comment.comment';
const FILE = 'plugin::upload.file';

export interface CachedRoute {
  pattern: RegExp;
  tags: readonly string[];
}

export const CACHED_ROUTES: readonly CachedRoute[] = [
  // The thread before the article's own route, which would also match it.
  { pattern: /^\/api\/articles\/[^/]+\/comments$/i, tags: [COMMENT, ARTICLE] },
  // Articles carry their topics, cover, related programs and upcoming sessions.
  { pattern: /^\/api\/articles(\/[^/]+)?$/i, tags: [ARTICLE, TOPIC, PROGRAM, FILE] },
  { pattern: /^\/api\/topics(\/[^/]+)?$/i, tags: [TOPIC, ARTICLE, PROGRAM] },
  { pattern: /^\/api\/group-programs\/upcoming(\.ics)?$/i, tags: [PROGRAM, TOPIC] },
  { pattern: /^\/api\/group-programs\/[^/]+\/calendar\.ics$/i, tags: [PROGRAM, TOPIC] },
  { pattern: /^\/api\/group-programs(\/[^/]+)?$/i, tags: [PROGRAM, TOPIC, FILE] },
];

/** Every content type some cached answer is made of. */
export const CACHED_TYPES = new Set(CACHED_ROUTES.flatMap((route) => route.tags));

export const cachedRoute = (path: string): CachedRoute | undefined => CACHED_ROUTES.find((route) => route.pattern.test(path));
