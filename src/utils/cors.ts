/**
 * CORS origins from CORS_ORIGINS. Production needs the websites' origins listed: `*` would let any site read
 * answers with the reader's credentials. With `*` (development) nobody gets credentials.
 */
export const corsConfig = (origins: string[], nodeEnv: string | undefined) => {
  const list = origins.map((origin) => origin.trim()).filter(Boolean);
  const wildcard = list.length === 0 || list.includes('*');
  if (wildcard && nodeEnv === 'production') {
    throw new Error('CORS_ORIGINS must list the websites allowed to call the API (e.g. https://counseling.example) in production, not "*".');
  }
  return wildcard ? { origin: '*', credentials: false } : { origin: list, credentials: true };
};

/** The origins `strapi::cors` is configured with (config/middlewares.ts): `*` or a list. */
export const configuredOrigins = (middlewares: unknown): '*' | string[] => {
  const entry = (Array.isArray(middlewares) ? middlewares : []).find(
    (item): item is { name: string; config?: { origin?: unknown } } => typeof item === 'object' && item !== null && item.name === 'strapi::cors'
  );
  const origin = entry?.config?.origin;
  return Array.isArray(origin) && !origin.includes('*') ? origin.map(String) : '*';
};

/** Answers to origins that are not listed carry no CORS headers: they are all the same answer. */
export const UNLISTED_ORIGIN = '(unlisted)';

/**
 * The origin as far as an answer depends on it: `strapi::cors` echoes an allowed origin and adds nothing for one
 * that is not listed, so every unlisted origin gets the same answer (and must not make a cache entry of its own).
 */
export const originForAnswer = (origin: string | undefined, allowed: '*' | string[]): string | undefined => {
  if (!origin || allowed === '*' || allowed.includes(origin)) return origin;
  return UNLISTED_ORIGIN;
};
