import type { Core } from '@strapi/strapi';
import { toSlug } from '../utils/slug';
import { DEMO_TOPICS, demoPrograms } from './demo-programs';
import { SEED_ARTICLE, SEED_COMMENT } from './seed-article';
import { getConfig } from '../utils/config';

const TOPIC = 'api::topic.topic';
const PROGRAM = 'api::group-program.group-program';
const ARTICLE = 'api::article.article';
const COMMENT = 'api::comment.comment';

const findBySlug = (strapi: Core.Strapi, uid: typeof TOPIC | typeof PROGRAM | typeof ARTICLE, slug: string) =>
  strapi.documents(uid).findFirst({ filters: { slug }, fields: ['documentId'] });

const seedTopics = async (strapi: Core.Strapi) => {
  const ids = new Map<string, string>();
  for (const topic of DEMO_TOPICS) {
    const slug = toSlug(topic.name);
    const existing = await findBySlug(strapi, TOPIC, slug);
    const document = existing ?? (await strapi.documents(TOPIC).create({ data: { ...topic, slug } }));
    ids.set(slug, document.documentId);
  }
  return ids;
};

const seedPrograms = async (strapi: Core.Strapi, topicIds: Map<string, string>, today: Date) => {
  const ids: string[] = [];
  for (const { topics, ...program } of demoPrograms(today)) {
    const slug = toSlug(program.title);
    const existing = await findBySlug(strapi, PROGRAM, slug);
    const document =
      existing ??
      (await strapi.documents(PROGRAM).create({
        data: { ...program, slug, topics: topics.map((topic) => topicIds.get(topic)!) },
        status: 'published',
      }));
    ids.push(document.documentId);
  }
  return ids;
};

const seedArticle = async (strapi: Core.Strapi, topicIds: Map<string, string>, programIds: string[]) => {
  const existing = await findBySlug(strapi, ARTICLE, SEED_ARTICLE.slug);
  if (existing) return existing.documentId;
  const article = await strapi.documents(ARTICLE).create({
    data: { ...SEED_ARTICLE, topics: [...topicIds.values()], relatedPrograms: programIds, commentsEnabled: true },
    status: 'published',
  });
  return article.documentId;
};

/** The seed comment goes through the Document Service like every public comment, so moderation judges it. */
const seedComment = async (strapi: Core.Strapi, articleId: string) => {
  const existing = await strapi.db.query(COMMENT).count({
    where: { article: { documentId: articleId }, authorEmail: SEED_COMMENT.authorEmail },
  });
  if (existing === 0) await strapi.documents(COMMENT).create({
      // Placeholders only: the moderation pipeline decides status and priority on every create.
      data: { ...SEED_COMMENT, article: articleId, moderationStatus: 'pending', priority: 'normal' },
    });
};

/** Loads the demo topics, programs, seed article and its comment; running it again changes nothing. */
export const seedDemoContent = async (strapi: Core.Strapi, today = new Date()) => {
  const topicIds = await seedTopics(strapi);
  const programIds = await seedPrograms(strapi, topicIds, today);
  const articleId = await seedArticle(strapi, topicIds, programIds);
  await seedComment(strapi, articleId);
  strapi.log.info(`Demo content ready: ${topicIds.size} topics, ${programIds.length} programs, the seed article.`);
};

/** On start-up, seeds only a database that has no articles yet (and only where config/seed.ts allows it). */
export const seedDemoContentIfEmpty = async (strapi: Core.Strapi) => {
  if (!getConfig(strapi, 'seed').onEmptyDatabase) return;
  const articles = await strapi.db.query(ARTICLE).count();
  if (articles === 0) await seedDemoContent(strapi);
};
