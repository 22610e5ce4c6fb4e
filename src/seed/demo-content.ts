import type { Core } from '@strapi/strapi';
import { toSlug } from '../utils/slug';
import { DEMO_TOPICS, demoPrograms } from './demo-programs';
import { SEED_ARTICLE, SEED_COMMENT } from './seed-article';
import { getConfig } from '../utils/config';
import { localeCodes } from '../utils/locales';
import { ARTICLE_ES, PROGRAMS_ES, TOPICS_ES } from './demo-es';

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
  const ids = new Map<string, string>();
  for (const { topics, ...program } of demoPrograms(today)) {
    const slug = toSlug(program.title);
    const existing = await findBySlug(strapi, PROGRAM, slug);
    const document =
      existing ??
      (await strapi.documents(PROGRAM).create({
        data: { ...program, slug, topics: topics.map((topic) => topicIds.get(topic)!) },
        status: 'published',
      }));
    ids.set(slug, document.documentId);
  }
  return ids;
};

const seedArticle = async (strapi: Core.Strapi, topicIds: Map<string, string>, programIds: Map<string, string>) => {
  const existing = await findBySlug(strapi, ARTICLE, SEED_ARTICLE.slug);
  if (existing) return existing.documentId;
  const article = await strapi.documents(ARTICLE).create({
    data: { ...SEED_ARTICLE, topics: [...topicIds.values()], relatedPrograms: [...programIds.values()], commentsEnabled: true },
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

type Localised = typeof TOPIC | typeof PROGRAM | typeof ARTICLE;
const inSpanish = (documentId: string) => ({ documentId, locale: 'es' });

/** The Spanish version of a document, unless it has one: its localised fields, related to the Spanish versions. */
const translate = async (strapi: Core.Strapi, uid: Localised, documentId: string, data: Record<string, unknown>, published: boolean) => {
  const existing = await strapi.db.query(uid).count({ where: { documentId, locale: 'es' } });
  if (existing === 0) await strapi.documents(uid).update({ documentId, locale: 'es', data: data as never, ...(published ? { status: 'published' as const } : {}) });
};

/** The demo's Spanish versions (a translation made for the demo), when the database has the `es` locale. */
const seedSpanish = async (strapi: Core.Strapi, topicIds: Map<string, string>, programIds: Map<string, string>, articleId: string) => {
  if (!localeCodes(strapi).has('es')) return false;
  for (const [slug, documentId] of topicIds) if (TOPICS_ES[slug]) await translate(strapi, TOPIC, documentId, TOPICS_ES[slug], false);
  const programTopics = new Map(demoPrograms(new Date()).map(({ title, topics }) => [toSlug(title), topics]));
  for (const [slug, documentId] of programIds) {
    if (!PROGRAMS_ES[slug]) continue;
    const topics = (programTopics.get(slug) ?? []).flatMap((topic) => (topicIds.has(topic) ? [inSpanish(topicIds.get(topic)!)] : []));
    await translate(strapi, PROGRAM, documentId, { ...PROGRAMS_ES[slug], topics }, true);
  }
  const relatedPrograms = [...programIds.values()].map(inSpanish);
  await translate(strapi, ARTICLE, articleId, { ...ARTICLE_ES, topics: [...topicIds.values()].map(inSpanish), relatedPrograms }, true);
  return true;
};

/** Loads the demo topics, programs, seed article and its comment, and their Spanish versions; running it again changes nothing. */
export const seedDemoContent = async (strapi: Core.Strapi, today = new Date()) => {
  const topicIds = await seedTopics(strapi);
  const programIds = await seedPrograms(strapi, topicIds, today);
  const articleId = await seedArticle(strapi, topicIds, programIds);
  await seedComment(strapi, articleId);
  const spanish = await seedSpanish(strapi, topicIds, programIds, articleId);
  strapi.log.info(`Demo content ready: ${topicIds.size} topics, ${programIds.size} programs, the seed article${spanish ? ', each also in Spanish' : ''}.`);
};

/** On start-up, seeds only a database that has no articles yet (and only where config/seed.ts allows it). */
export const seedDemoContentIfEmpty = async (strapi: Core.Strapi) => {
  if (!getConfig(strapi, 'seed').onEmptyDatabase) return;
  const articles = await strapi.db.query(ARTICLE).count();
  if (articles === 0) await seedDemoContent(strapi);
};
