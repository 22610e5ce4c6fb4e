/**
 * The cache key of a public read: the path as sent (a slug differing in case is another answer), the query
 * parameters in name order, and the Origin as far as the answer depends on it (src/utils/cors.ts `originForAnswer`:
 * CORS headers differ per listed origin; every unlisted origin shares one answer).
 */
export const cacheKey = (path: string, querystring: string, origin: string | undefined): string => {
  if (querystring === '') return `${origin ?? ''} ${path}?`;
  const params = new URLSearchParams(querystring);
  // By name only (a stable sort): repeated parameters keep their order, which can matter (`sort=a&sort=b`).
  const pairs = [...params.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const query = pairs.map(([name, value]) => `${encodeURIComponent(name)}=${encodeURIComponent(value)}`).join('&');
  return `${origin ?? ''} ${path}?${query}`;
};

/** A weak comparison of If-None-Match against an ETag (RFC 9110 §13.1.2: `*`, lists, W/ prefixes). */
export const matchesEtag = (ifNoneMatch: string | undefined, etag: string): boolean => {
  if (!ifNoneMatch) return false;
  if (ifNoneMatch.trim() === '*') return true;
  const bare = (tag: string) => tag.trim().replace(/^W\//, '');
  return ifNoneMatch.split(',').some((tag) => bare(tag) === bare(etag));
};
