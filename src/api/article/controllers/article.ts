import type { Core } from '@strapi/strapi';
import { createPublicReadController, type PublicDocument } from '../../../utils/public-controller';

export const ARTICLE_DEFAULT_POPULATE = {
  topics: { fields: ['name', 'slug'] },
  cover: true,
  relatedPrograms: { fields: ['title', 'slug', 'kind', 'summary', 'format', 'enrollmentStatus'] },
  seo: true,
};

/** Adds `upcomingPrograms` (the next sessions of related programs, or of programs on the same topics) to each article. */
const withUpcomingPrograms = async (strapi: Core.Strapi, articles: PublicDocument[]) => {
  const rows: Array<{ documentId: string; relatedPrograms: Array<{ documentId: string }>; topics: Array<{ slug: string }> }> = await strapi.db
    .query('api::article.article')
    .findMany({
      where: { documentId: { $in: articles.map((article) => article.documentId) }, publishedAt: { $notNull: true } },
      select: ['documentId'],
      populate: { relatedPrograms: { select: ['documentId'] }, topics: { select: ['slug'] } },
    });
  const upcoming = await strapi.service('api::group-program.feed').forArticles(
    rows.map((row) => ({
      documentId: row.documentId,
      relatedPrograms: row.relatedPrograms.map((program) => program.documentId),
      topics: row.topics.map((topic) => topic.slug),
    }))
  );
  for (const article of articles) article.upcomingPrograms = upcoming.get(article.documentId) ?? [];
};

export default createPublicReadController('api::article.article', {
  defaultPopulate: ARTICLE_DEFAULT_POPULATE,
  decorate: withUpcomingPrograms,
});
