/** Where a document lives on the website. The templates come from ARTICLE_URL_TEMPLATE and PROGRAM_URL_TEMPLATE. */
export const DEFAULT_ARTICLE_URL_TEMPLATE = 'https://counseling.example/articles/{slug}';
export const DEFAULT_PROGRAM_URL_TEMPLATE = 'https://counseling.example/programs/{slug}';

/** Fills `{slug}` (and any other `{name}` given) with URI-encoded values; unknown placeholders are left as they are. */
export const fillTemplate = (template: string, values: Record<string, string>) =>
  template.replace(/\{(\w+)\}/g, (placeholder, name: string) => (name in values ? encodeURIComponent(values[name]) : placeholder));

export const pageUrl = (template: string, slug: string) => fillTemplate(template, { slug });
