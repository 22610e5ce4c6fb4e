/** A sitemaps.org `urlset` (https://www.sitemaps.org/protocol.html). Pure, so it is tested without Strapi. */
export interface SitemapEntry {
  loc: string;
  lastmod?: string | Date | null;
  /** The page in each language it is published in, itself included (Google's `hreflang` alternates). */
  alternates?: Array<{ hreflang: string; href: string }>;
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };
const escapeXml = (value: string) => value.replace(/[&<>"']/g, (character) => ESCAPES[character]);

/** W3C datetime in UTC without milliseconds, as the protocol shows it. */
const w3cDate = (value: string | Date) => new Date(value).toISOString().replace(/\.\d{3}Z$/, 'Z');

const alternate = ({ hreflang, href }: { hreflang: string; href: string }) =>
  `<xhtml:link rel="alternate" hreflang="${escapeXml(hreflang)}" href="${escapeXml(href)}"/>`;

export const sitemapXml = (entries: SitemapEntry[]) =>
  [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"${entries.some((entry) => (entry.alternates?.length ?? 0) > 1) ? ' xmlns:xhtml="http://www.w3.org/1999/xhtml"' : ''}>`,
    ...entries.map(
      ({ loc, lastmod, alternates = [] }) =>
        `  <url><loc>${escapeXml(loc)}</loc>${lastmod ? `<lastmod>${w3cDate(lastmod)}</lastmod>` : ''}${alternates.length > 1 ? alternates.map(alternate).join('') : ''}</url>`
    ),
    '</urlset>',
    '',
  ].join('\n');
