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
