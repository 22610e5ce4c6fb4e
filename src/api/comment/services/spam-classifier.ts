import fs from 'fs';
import path from 'path';
import type { Core } from '@strapi/strapi';
import { loadCorpus, SpamModel, spamExamples, trainSpamModel, type SpamLabel, type SpamScore } from '#domain/moderation';
import { modelStore } from './model-store';
import { getConfig } from '#app/utils/config';

/**
 * The learning spam filter's one shared model (model-store.ts): trained on the labelled corpus when none is stored
 * (at start-up), then on every moderator decision, one comment at a time under a row lock.
 */
const service = ({ strapi }: { strapi: Core.Strapi }) => {
  const store = modelStore(strapi, 'api_comment_spam-classifier', { fromJSON: SpamModel.fromJSON, toJSON: (model) => model.toJSON() });
  const config = () => getConfig(strapi, 'moderation').classifier;

  /** The labelled corpus as the starting point; without it the model starts empty and learns from moderators only. */
  const prior = (): SpamModel => {
    const dir = path.resolve(strapi.dirs.app.root, config().priorCorpus);
    if (!fs.existsSync(dir)) {
      strapi.log.warn(`Spam classifier: no labelled corpus at ${dir}; it starts empty and learns from moderators' decisions.`);
      return SpamModel.empty();
    }
    return trainSpamModel(spamExamples(loadCorpus(dir)));
  };

  const ensure = async (): Promise<SpamModel> => {
    const stored = await store.load();
    if (stored) return stored.model;
    const model = prior();
    await strapi.db.transaction(({ trx }) => store.save(model, trx));
    strapi.log.info(`Spam classifier trained from the labelled corpus (${model.samples.spam} spam, ${model.samples.ham} not spam).`);
    return model;
  };

  return {
    /** At start-up: use the stored model, or train one from the corpus when none is stored or it is unreadable. */
    async ensure(): Promise<void> {
      await ensure();
    },

    /** The shared model as it is now. */
    async current(): Promise<SpamModel> {
      return store.current(ensure);
    },

    /** The learned probability that `text` is spam, and the words behind it; undefined when the filter is off. */
    async score(text: string): Promise<SpamScore | undefined> {
      if (!config().enabled) return undefined;
      return (await this.current()).score(text);
    },

    /**
     * A moderator's decision about `text`: learn `label` (null: back to pending, nothing to learn) and forget
     * `previous`, the label learned from an earlier decision on the same comment (or an erased comment's words).
     */
    async learn(text: string, label: SpamLabel | null, previous: SpamLabel | null): Promise<void> {
      if (!config().enabled || label === previous) return;
      await store.update((stored) => {
        const model = stored ?? prior();
        // A moderator's decision counts `decisionWeight` times against one corpus comment.
        for (let times = 0; times < config().decisionWeight; times += 1) {
          if (previous) model.unlearn(text, previous);
          if (label) model.learn(text, label);
        }
        return model;
      });
    },

    /** Erased comments: take back what each taught (its `trainedAs`), in one save. */
    async unlearn(lessons: Array<{ text: string; label: SpamLabel }>): Promise<void> {
      if (!config().enabled || lessons.length === 0) return;
      await store.update((stored) => {
        const model = stored ?? prior();
        for (const { text, label } of lessons) for (let times = 0; times < config().decisionWeight; times += 1) model.unlearn(text, label);
        return model;
      });
    },
  };
};

export default service;

declare module '#app/utils/services' {
  interface Services {
    'api::comment.spam-classifier': ReturnType<typeof service>;
  }
}
