import { cachedRoute, type CachedRoute } from '../../cache/invalidation';
import { originForAnswer } from '../cors';
import { keptIn } from '../kept-in';
import { etagFor, preferredEncoding, varyWithEncoding, type Encoding } from './encoding';
import { cacheKey, matchesEtag } from './key';
import type { CachedResponse } from './store';

/** What a kept answer sends one request: its status, its headers, and the coding of its body (null: as kept). */
export interface KeptAnswer {
  status: number;
  headers: Array<[string, string]>;
  /** The same headers as one list of names and values, with Content-Encoding and Content-Length (Node's writeHead). */
  raw: string[];
  encoding: Encoding | null;
}

const REPLACED = new Set(['vary', 'etag']);
/** A 304 carries no body, so none of the headers that describe one (as Koa sends it). */
const NOT_ON_304 = new Set(['content-type', 'content-length', 'transfer-encoding']);

/**
 * The kept answer for a request's Accept-Encoding and If-None-Match: the headers the full stack produced, `Vary`
 * with Accept-Encoding, the ETag of the coding it is sent in (weak: the same in every coding), and a 304 when
 * If-None-Match matches. The one rule for both ways a hit is answered (the middleware, and before Koa).
 */
export const keptAnswer = (entry: CachedResponse, acceptEncoding: string | undefined, ifNoneMatch: string | undefined): KeptAnswer => {
  const encoding = entry.compressible ? preferredEncoding(acceptEncoding) : null;
  const etag = etagFor(entry.etag, encoding);
  const notModified = matchesEtag(ifNoneMatch, etag);
  // The same few answers over and over (a coding, or a 304): each is made once per kept entry.
  const made = answersOf(entry);
  const which = `${encoding}${notModified ? ' 304' : ''}`;
  const known = made.get(which);
  if (known) return known;
  const vary = entry.headers.find(([name]) => name.toLowerCase() === 'vary')?.[1];
  const kept = entry.headers.filter(([name]) => !REPLACED.has(name.toLowerCase()) && !(notModified && NOT_ON_304.has(name.toLowerCase())));
  const headers: Array<[string, string]> = [...kept, ['Vary', varyWithEncoding(vary)], ['ETag', etag]];
  const length = notModified ? null : encoding ? entry.variants[encoding]?.length : entry.body.length;
  const coding = notModified ? null : encoding;
  const raw = [...headers.flat(), ...(coding ? ['Content-Encoding', coding] : []), ...(length != null ? ['Content-Length', String(length)] : [])];
  const answer = notModified ? { status: 304, headers, raw, encoding: null } : { status: entry.status, headers, raw, encoding };
  // An encoded variant not made yet has no length: made again once it is.
  if (length !== undefined) made.set(which, answer);
  return answer;
};

const answers = new WeakMap<CachedResponse, Map<string, KeptAnswer>>();
const answersOf = (entry: CachedResponse) => keptIn(answers, entry, () => new Map<string, KeptAnswer>());

export interface KeptRead {
  method: string;
  path: string;
  querystring: string;
  authorization?: string;
  origin?: string;
  /** Strapi's `Strapi-Response-Format` or `strapi-encode-source-maps` header: another shape of the answer. */
  format?: string;
}

/**
 * The cache key and route of a request a kept answer may serve, or null: only GET and HEAD of a cached route,
 * never with credentials (Authorization), asking for drafts or for another shape of the answer (the v4 format).
 */
export const keptReadKey = (request: KeptRead, allowedOrigins: '*' | string[]): { key: string; route: CachedRoute } | null => {
  if (request.method !== 'GET' && request.method !== 'HEAD') return null;
  const route = cachedRoute(request.path);
  if (!route || request.authorization || request.format || /(^|&)status=draft(&|$)/i.test(request.querystring)) return null;
  return { key: cacheKey(request.path, request.querystring, originForAnswer(request.origin || undefined, allowedOrigins)), route };
};
