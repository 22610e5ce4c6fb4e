/** Where a document lives on the website. The templates come from ARTICLE_URL_TEMPLATE and PROGRAM_URL_TEMPLATE. */
export const DEFAULT_ARTICLE_URL_TEMPLATE = 'https://counseling.example/articles/{slug}';
export const DEFAULT_PROGRAM_URL_TEMPLATE = 'https://counseling.example/programs/{slug}';

/** Fills `{slug}` (and any other `{name}` given) with URI-encoded values; unknown placeholders are left as they are. */
export const fillTemplate = (template: string, values: Record<string, string>) =>
  template.replace(/\{(\w+)\}/g, (placeholder, name: string) => (name in values ? encodeURIComponent(values[name]) : placeholder));

export const pageUrl = (template: string, slug: string) => fillTemplate(template, { slug });

/**
 * The template for pages in `locale`: its `{locale}` filled in, or, for a template without one, the locale's
 * pages under `/<locale>` (https://counseling.example/es/programs/{slug}); the default locale's pages stay where
 * they were.
 */
export const localisedTemplate = (template: string, locale: string | null | undefined, defaultLocale: string) => {
  if (template.includes('{locale}')) return template.split('{locale}').join(encodeURIComponent(locale ?? defaultLocale));
  if (!locale || locale === defaultLocale) return template;
  const origin = /^([a-z][a-z0-9+.-]*:\/\/[^/]+)(.*)$/i.exec(template);
  return origin ? `${origin[1]}/${encodeURIComponent(locale)}${origin[2]}` : `/${encodeURIComponent(locale)}${template}`;
};
