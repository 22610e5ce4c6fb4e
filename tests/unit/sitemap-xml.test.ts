import { sitemapXml } from '../../src/api/sitemap/services/xml';

it('writes a sitemaps.org urlset with escaped locations and W3C dates', () => {
  expect(sitemapXml([{ loc: 'https://example.org/a?x=1&y=<2>', lastmod: '2026-11-28T10:20:30.456Z' }, { loc: 'https://example.org/b' }])).toBe(
    [
      '<?xml version="1.0" encoding="UTF-8"?>',
      '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
      '  <url><loc>https://example.org/a?x=1&amp;y=&lt;2&gt;</loc><lastmod>2026-11-28T10:20:30Z</lastmod></url>',
      '  <url><loc>https://example.org/b</loc></url>',
      '</urlset>',
      '',
    ].join('\n')
  );
});
