import type { Core } from '@strapi/strapi';
import type { ReadPopulate } from '#app/utils/public-query/projection';
import { createPublicReadController, type AnswerKind, type PublicDocument } from '#app/utils/public-controller';
import { getService } from '#app/utils/services';

export const ARTICLE_DEFAULT_POPULATE: ReadPopulate = {
  topics: { fields: ['name', 'slug'] },
  cover: true,
  relatedPrograms: { fields: ['title', 'slug', 'kind', 'summary', 'format', 'enrollmentStatus'] },
  seo: true,
};

type Relations = { documentId: string; relatedPrograms: string[]; topics: string[] };
type Localised = PublicDocument & { locale?: string | null };

/**
 * The published article's related programs and topics as the answer carries them, when it carries both (the default
 * populate). A draft (a preview) ranks from its published version's, read like a narrowed answer's.
 */
const carried = (article: PublicDocument): Relations | null => {
  const { relatedPrograms, topics, publishedAt } = article as { relatedPrograms?: unknown; topics?: unknown; publishedAt?: unknown };
  if (!publishedAt || !Array.isArray(relatedPrograms) || !Array.isArray(topics)) return null;
  const programIds = relatedPrograms.map((program: { documentId?: unknown }) => program?.documentId);
  const slugs = topics.map((topic: { slug?: unknown }) => topic?.slug);
  if (![...programIds, ...slugs].every((value) => typeof value === 'string')) return null;
  return { documentId: article.documentId, relatedPrograms: programIds as string[], topics: slugs as string[] };
};

/** Reads the related programs and topics of articles whose answer does not carry them (a narrowed `populate`). */
const readRelations = async (strapi: Core.Strapi, documentIds: string[], locale: string | null): Promise<Relations[]> => {
  if (documentIds.length === 0) return [];
  const rows: Array<{ documentId: string; relatedPrograms: Array<{ documentId: string }>; topics: Array<{ slug: string }> }> = await strapi.db
    .query('api::article.article')
    .findMany({
      where: { documentId: { $in: documentIds }, publishedAt: { $notNull: true }, ...(locale ? { locale } : {}) },
      select: ['documentId'],
      populate: { relatedPrograms: { select: ['documentId'] }, topics: { select: ['slug'] } },
    });
  return rows.map((row) => ({
    documentId: row.documentId,
    relatedPrograms: row.relatedPrograms.map((program) => program.documentId),
    topics: row.topics.map((topic) => topic.slug),
  }));
};

/**
 * Adds `upcomingPrograms` (the next sessions of related programs, or of programs on the same topics) to each
 * article, in the article's locale.
 */
const withUpcomingPrograms = async (strapi: Core.Strapi, articles: Localised[], { locale: read }: AnswerKind) => {
  const localeOf = (article: Localised) => article.locale ?? read;
  for (const locale of new Set(articles.map(localeOf))) {
    const these = articles.filter((article) => localeOf(article) === locale);
    const known = these.map(carried).filter((relations): relations is Relations => relations !== null);
    const knownIds = new Set(known.map((relations) => relations.documentId));
    const read = await readRelations(
      strapi,
      these.map((article) => article.documentId).filter((documentId) => !knownIds.has(documentId)),
      locale
    );
    const upcoming = await getService(strapi, 'api::group-program.feed').forArticles([...known, ...read], locale);
    for (const article of these) article.upcomingPrograms = upcoming.get(article.documentId) ?? [];
  }
};

export default createPublicReadController('api::article.article', {
  defaultPopulate: ARTICLE_DEFAULT_POPULATE,
  decorate: withUpcomingPrograms,
});
