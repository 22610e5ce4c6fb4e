import fs from 'fs';
import path from 'path';
import type { Core } from '@strapi/strapi';
import { SpamModel, trainModel, type SpamLabel, type SpamScore } from '../moderation/classifier';
import { loadCorpus, spamExamples } from '../moderation/corpus';

/**
 * The learning spam filter's one shared model, stored in Strapi's core store table so every instance uses the same
 * one: trained on the labelled corpus when none is stored (at start-up), then on every moderator decision, one
 * comment at a time under a row lock. Each instance keeps the model in memory and reloads it when the stored
 * revision moves (another instance learned something).
 */
const TABLE = 'strapi_core_store_settings';
const MODEL_KEY = 'api_comment_spam-classifier';
const REVISION_KEY = 'api_comment_spam-classifier-revision';
/** How often an instance looks whether another one has learned something. */
const REVISION_CHECK_MS = 1000;

interface ClassifierConfig {
  enabled: boolean;
  priorCorpus: string;
}

type Knex = Core.Strapi['db']['connection'];

export default ({ strapi }: { strapi: Core.Strapi }) => {
  let cached: { model: SpamModel; revision: number } | null = null;
  let checkedAt = 0;
  const config = () => strapi.config.get('moderation.classifier') as ClassifierConfig;

  const readRevision = async (db: Knex) => Number((await db(TABLE).where({ key: REVISION_KEY }).first('value'))?.value ?? 0);
  const readModel = async (db: Knex, lock = false) => {
    const query = db(TABLE).where({ key: MODEL_KEY }).first('value');
    // SQLite has no row locks (it serialises writers); PostgreSQL and MySQL lock the row until the commit.
    return SpamModel.fromJSON((await (lock && strapi.db.dialect.client !== 'sqlite' ? query.forUpdate() : query))?.value);
  };
  const writeRow = async (db: Knex, key: string, value: string) => {
    const updated = await db(TABLE).where({ key }).update({ value });
    if (updated === 0) await db(TABLE).insert({ key, value, type: 'object', environment: null, tag: null });
  };
  const save = async (db: Knex, model: SpamModel) => {
    const revision = (await readRevision(db)) + 1;
    await writeRow(db, MODEL_KEY, model.toJSON());
    await writeRow(db, REVISION_KEY, String(revision));
    return revision;
  };

  /** The labelled corpus as the starting point; without it the model starts empty and learns from moderators only. */
  const prior = (): SpamModel => {
    const dir = path.resolve(strapi.dirs.app.root, config().priorCorpus);
    if (!fs.existsSync(dir)) {
      strapi.log.warn(`Spam classifier: no labelled corpus at ${dir}; it starts empty and learns from moderators' decisions.`);
      return SpamModel.empty();
    }
    return trainModel(spamExamples(loadCorpus(dir)));
  };

  return {
    /** At start-up: use the stored model, or train one from the corpus when none is stored or it is unreadable. */
    async ensure(): Promise<void> {
      const stored = await readModel(strapi.db.connection);
      if (stored) {
        cached = { model: stored, revision: await readRevision(strapi.db.connection) };
        return;
      }
      const model = prior();
      const revision = await strapi.db.transaction(({ trx }) => save(trx, model));
      cached = { model, revision };
      strapi.log.info(`Spam classifier trained from the labelled corpus (${model.samples.spam} spam, ${model.samples.ham} not spam).`);
    },

    /** The shared model as it is now (a small read, at most once a second, to see whether another instance changed it). */
    async current(): Promise<SpamModel> {
      if (cached && Date.now() - checkedAt < REVISION_CHECK_MS) return cached.model;
      checkedAt = Date.now();
      const revision = await readRevision(strapi.db.connection);
      if (!cached || cached.revision !== revision) {
        const model = await readModel(strapi.db.connection);
        if (!model) await this.ensure();
        else cached = { model, revision };
      }
      return (cached as { model: SpamModel }).model;
    },

    /** The learned probability that `text` is spam, and the words behind it; undefined when the filter is off. */
    async score(text: string): Promise<SpamScore | undefined> {
      if (!config().enabled) return undefined;
      return (await this.current()).score(text);
    },

    /**
     * A moderator's decision about `text`: learn `label` (null: back to pending, nothing to learn) and forget
     * `previous`, the label learned from an earlier decision on the same comment.
     */
    async learn(text: string, label: SpamLabel | null, previous: SpamLabel | null): Promise<void> {
      if (!config().enabled || label === previous) return;
      const result = await strapi.db.transaction(async ({ trx }) => {
        const model = (await readModel(trx, true)) ?? prior();
        if (previous) model.unlearn(text, previous);
        if (label) model.learn(text, label);
        return { model, revision: await save(trx, model) };
      });
      cached = result;
    },

    /** Erased comments: take back what each taught (its `trainedAs`), in one save. */
    async unlearn(lessons: Array<{ text: string; label: SpamLabel }>): Promise<void> {
      if (!config().enabled || lessons.length === 0) return;
      cached = await strapi.db.transaction(async ({ trx }) => {
        const model = (await readModel(trx, true)) ?? prior();
        for (const { text, label } of lessons) model.unlearn(text, label);
        return { model, revision: await save(trx, model) };
      });
    },
  };
};
