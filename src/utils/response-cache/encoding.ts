import zlib from 'zlib';

/**
 * Content codings for public answers (Node's zlib): which one a request accepts (`Accept-Encoding`, brotli before
 * gzip at equal weight), whether an answer is worth compressing (text-like types from 1 KB, never a body already
 * encoded), and the compression itself, off the event loop (zlib's thread pool). The response cache compresses each
 * kept answer once per coding asked for (src/middlewares/response-cache.ts); everything else is compressed per
 * request by `strapi::compression` (koa-compress, config/middlewares.ts), which leaves encoded bodies alone.
 */
export type Encoding = 'br' | 'gzip';

/** Below this a coding's framing costs more than it saves. */
export const MIN_COMPRESSIBLE_BYTES = 1024;
/** Brotli quality for kept answers: compressed once, served many times (11 costs ~10× the time for ~3% less). */
export const BROTLI_QUALITY = 9;
export const GZIP_LEVEL = 9;

const PREFERENCE: readonly Encoding[] = ['br', 'gzip'];
const TEXT_LIKE = /^(text\/|application\/(json|xml|javascript|ld\+json|vnd\.oai\.openapi|[\w.-]+\+(json|xml)))/i;

/** The coding to answer with for an Accept-Encoding header, or null for identity (RFC 9110 §12.5.3). */
export const preferredEncoding = (header: string | undefined): Encoding | null => {
  if (!header) return null;
  const weights = new Map<string, number>();
  for (const part of header.split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    if (!name) continue;
    const q = params.map((param) => /^\s*q=([\d.]+)\s*$/.exec(param)).find(Boolean);
    const weight = q ? Number(q[1]) : 1;
    weights.set(name.trim() === 'x-gzip' ? 'gzip' : name.trim(), Number.isFinite(weight) ? weight : 0);
  }
  const weightOf = (encoding: Encoding) => weights.get(encoding) ?? weights.get('*') ?? 0;
  let best: Encoding | null = null;
  for (const encoding of PREFERENCE) if (weightOf(encoding) > 0 && (best === null || weightOf(encoding) > weightOf(best))) best = encoding;
  return best;
};

/** Whether an answer of this type and size is worth compressing: text-like, from 1 KB, not already encoded. */
export const worthCompressing = (contentType: string | undefined, bytes: number, contentEncoding?: string) =>
  bytes >= MIN_COMPRESSIBLE_BYTES && !contentEncoding && Boolean(contentType && TEXT_LIKE.test(contentType));

export const encode = (body: Buffer, encoding: Encoding): Promise<Buffer> =>
  new Promise((resolve, reject) => {
    const done = (error: Error | null, result: Buffer) => (error ? reject(error) : resolve(result));
    if (encoding === 'gzip') return zlib.gzip(body, { level: GZIP_LEVEL }, done);
    const params = {
      [zlib.constants.BROTLI_PARAM_QUALITY]: BROTLI_QUALITY,
      [zlib.constants.BROTLI_PARAM_MODE]: zlib.constants.BROTLI_MODE_TEXT,
      [zlib.constants.BROTLI_PARAM_SIZE_HINT]: body.length,
    };
    zlib.brotliCompress(body, { params }, done);
  });

/**
 * The ETag of an encoded variant: a weak ETag stays (the variants are semantically the same answer); a strong one
 * names the coding, since its bytes differ (RFC 9110 §8.8.3).
 */
export const etagFor = (etag: string, encoding: Encoding | null) => (encoding === null || etag.startsWith('W/') ? etag : `${etag.replace(/"$/, '')}-${encoding}"`);

/** A Vary header value with Accept-Encoding in it, once. */
export const varyWithEncoding = (vary: string | undefined) => {
  const names = (vary ?? '').split(',').map((name) => name.trim()).filter(Boolean);
  if (names.some((name) => name === '*' || name.toLowerCase() === 'accept-encoding')) return names.join(', ');
  return [...names, 'Accept-Encoding'].join(', ');
};
