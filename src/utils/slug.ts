import slugify from 'slugify';

/** Lower-case, transliterated, URL-safe slug: "Grief & Loss — Ünïcode" → "grief-and-loss-unicode". */
export const toSlug = (text: string): string =>
  slugify(text, { lower: true, strict: true, trim: true, locale: 'en' }).replace(/-+/g, '-').slice(0, 180);

/**
 * The first of `base`, `base-2`, `base-3`... that is not in `taken`. `taken` holds the slugs already stored that
 * start with `base`, so one query answers the whole search.
 */
export const firstFreeSlug = (base: string, taken: Iterable<string>): string => {
  const used = new Set(taken);
  if (!used.has(base)) return base;
  let suffix = 2;
  while (used.has(`${base}-${suffix}`)) suffix += 1;
  return `${base}-${suffix}`;
};
