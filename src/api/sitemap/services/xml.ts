/** A sitemaps.org `urlset` (https://www.sitemaps.org/protocol.html). Pure, so it is tested without Strapi. */
export interface SitemapEntry {
  loc: string;
  lastmod?: string | Date | null;
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };
const escapeXml = (value: string) => value.replace(/[&<>"']/g, (character) => ESCAPES[character]);

/** W3C datetime in UTC without milliseconds, as the protocol shows it. */
const w3cDate = (value: string | Date) => new Date(value).toISOString().replace(/\.\d{3}Z$/, 'Z');

export const sitemapXml = (entries: SitemapEntry[]) =>
  [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
    ...entries.map(({ loc, lastmod }) => `  <url><loc>${escapeXml(loc)}</loc>${lastmod ? `<lastmod>${w3cDate(lastmod)}</lastmod>` : ''}</url>`),
    '</urlset>',
    '',
  ].join('\n');
