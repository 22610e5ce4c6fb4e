import { createHash } from 'crypto';
import fs from 'fs';
import path from 'path';
import type { Core } from '@strapi/strapi';
import { crisisExamples, featuresInBackground, loadCorpus, reviewExamples, RiskModel, type CorpusEntry, type NormalisedText, type RiskExample, type RiskScore } from '#domain/moderation';
import { modelStore } from './model-store';
import { getConfig } from '#app/utils/config';

/**
 * The learned risk models, one pair for every instance (model-store.ts): the crisis risk and the review risk
 * (crisis, personal details or spam: not to be published unseen). Both are trained on the labelled corpus and on
 * every comment a moderator marked urgent or not urgent (`crisisLabel`), each decision counting `decisionWeight`
 * times (a comment marked urgent needs review too; one marked not urgent teaches only the crisis model). A decision (or taking one back) retrains it in the background, without holding up the
 * server; the stored model carries a fingerprint of what it was trained on, so a changed corpus retrains it at
 * start-up. Erasing a comment takes its words out at the next training, since its label goes with it.
 */
const COMMENT = 'api::comment.comment';

interface Models {
  crisis: RiskModel;
  review: RiskModel;
}
interface Trained extends Models {
  fingerprint: string;
}

const codec = {
  fromJSON(json: string | null | undefined): Trained | null {
    if (!json) return null;
    try {
      const { fingerprint, crisis, review } = JSON.parse(json) as { fingerprint: string; crisis: string; review: string };
      const [crisisModel, reviewModel] = [RiskModel.fromJSON(crisis), RiskModel.fromJSON(review)];
      return crisisModel && reviewModel && typeof fingerprint === 'string' ? { fingerprint, crisis: crisisModel, review: reviewModel } : null;
    } catch {
      return null;
    }
  },
  toJSON: (trained: Trained) => JSON.stringify({ fingerprint: trained.fingerprint, crisis: trained.crisis.toJSON(), review: trained.review.toJSON() }),
};

/** Models trained in this process, by fingerprint: test files and instances on one machine train a corpus once. */
const trainedHere = new Map<string, Models>();

interface Labelled {
  crisis: RiskExample[];
  review: RiskExample[];
}

const service = ({ strapi }: { strapi: Core.Strapi }) => {
  const store = modelStore(strapi, 'api_comment_crisis-model', codec);
  const config = () => getConfig(strapi, 'moderation').crisisModel;
  let corpus: CorpusEntry[] | undefined;
  let retraining: Promise<void> | null = null;
  let again = false;

  const prior = (): CorpusEntry[] => {
    if (corpus) return corpus;
    const dir = path.resolve(strapi.dirs.app.root, getConfig(strapi, 'moderation').classifier.priorCorpus);
    if (!fs.existsSync(dir)) strapi.log.warn(`Crisis model: no labelled corpus at ${dir}; it learns from moderators' decisions only.`);
    return (corpus = fs.existsSync(dir) ? loadCorpus(dir) : []);
  };

  const labelled = async (): Promise<Labelled> => {
    const rows = (await strapi.db.query(COMMENT).findMany({
      where: { crisisLabel: { $notNull: true } },
      select: ['documentId', 'body', 'crisisLabel'],
      orderBy: { id: 'asc' },
    })) as Array<{ documentId: string; body: string; crisisLabel: string }>;
    const weight = config().decisionWeight;
    const urgent = rows.filter((row) => row.crisisLabel === 'crisis');
    return {
      crisis: [...crisisExamples(prior()), ...rows.map((row) => ({ text: row.body, positive: row.crisisLabel === 'crisis', weight }))],
      review: [...reviewExamples(prior()), ...urgent.map((row) => ({ text: row.body, positive: true, weight }))],
    };
  };

  const fingerprintOf = ({ crisis, review }: Labelled) => {
    const hash = createHash('sha256');
    for (const example of [...crisis, ...review]) hash.update(`${example.positive ? 1 : 0}${example.weight ?? 1}\u0000${example.text}\u0001`);
    return hash.digest('hex');
  };

  /** Both models, from one reading of every text (the features are the same; the labels differ). */
  const trainBoth = async ({ crisis, review }: Labelled): Promise<Models> => {
    const texts = [...new Set([...crisis, ...review].map((example) => example.text))];
    const features = await featuresInBackground(texts);
    const of = new Map(texts.map((text, index) => [text, features[index]]));
    const prepared = (examples: RiskExample[]) => examples.map((example) => ({ features: of.get(example.text)!, positive: example.positive, weight: example.weight ?? 1 }));
    return { crisis: await RiskModel.trainInBackground(prepared(crisis)), review: await RiskModel.trainInBackground(prepared(review)) };
  };

  /** The models for what is labelled now: the stored ones if they were trained on exactly that, else new ones. */
  const train = async (): Promise<Trained> => {
    const examples = await labelled();
    const fingerprint = fingerprintOf(examples);
    const stored = await store.load();
    if (stored?.model.fingerprint === fingerprint) return stored.model;
    const models = trainedHere.get(fingerprint) ?? (await trainBoth(examples));
    trainedHere.set(fingerprint, models);
    const trained = { fingerprint, ...models };
    await store.save(trained);
    strapi.log.info(`Risk models trained on ${examples.crisis.length} labelled comments.`);
    return trained;
  };

  return {
    /** At start-up: the stored model when it matches the labelled comments, or a newly trained one. */
    async ensure(): Promise<void> {
      if (config().enabled) await train();
    },

    /** The scorers for the pipeline, or none when the models are off (comments are then held: no evidence). */
    async scorers(): Promise<{ crisis?: (text: NormalisedText) => RiskScore; review?: (text: NormalisedText) => RiskScore }> {
      if (!config().enabled) return {};
      const { crisis, review } = await store.current(train);
      return { crisis: (text) => crisis.score(text), review: (text) => review.score(text) };
    },

    /** After a moderator's urgent / not-urgent decision was stored: retrain (in the background) and share it. */
    relearn(): void {
      if (!config().enabled) return;
      if (retraining) {
        again = true;
        return;
      }
      const run = async (): Promise<void> => {
        do {
          again = false;
          await train();
        } while (again);
      };
      retraining = run()
        .catch((error: Error) => {
          strapi.log.error(`Crisis model could not retrain: ${error.message}`);
        })
        .finally(() => {
          retraining = null;
        });
    },

    /** Resolves when no retraining is under way (graceful shutdown, tests). */
    async idle(): Promise<void> {
      while (retraining) await retraining;
    },
  };
};

export default service;

declare module '#app/utils/services' {
  interface Services {
    'api::comment.crisis-model': ReturnType<typeof service>;
  }
}
