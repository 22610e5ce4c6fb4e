import { createPublicReadController } from '../../../utils/public-controller';

export const ARTICLE_DEFAULT_POPULATE = {
  topics: { fields: ['name', 'slug'] },
  cover: true,
  relatedPrograms: { fields: ['title', 'slug', 'kind', 'summary', 'format', 'enrollmentStatus'] },
  seo: true,
};

export default createPublicReadController('api::article.article', ARTICLE_DEFAULT_POPULATE);
