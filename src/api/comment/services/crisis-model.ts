import { createHash } from 'crypto';
import fs from 'fs';
import path from 'path';
import type { Core } from '@strapi/strapi';
import { CrisisModel, crisisExamples, loadCorpus, type CrisisExample, type NormalisedText, type RiskScore } from '#domain/moderation';
import { modelStore } from './model-store';

/**
 * The learned crisis-risk model, one for every instance (model-store.ts). It is trained on the labelled corpus and
 * on every comment a moderator marked urgent or not urgent (`crisisLabel`), each decision counting
 * `decisionWeight` times. A decision (or taking one back) retrains it in the background, without holding up the
 * server; the stored model carries a fingerprint of what it was trained on, so a changed corpus retrains it at
 * start-up. Erasing a comment takes its words out at the next training, since its label goes with it.
 */
const COMMENT = 'api::comment.comment';

interface CrisisModelConfig {
  enabled: boolean;
  decisionWeight: number;
}

interface Trained {
  fingerprint: string;
  model: CrisisModel;
}

const codec = {
  fromJSON(json: string | null | undefined): Trained | null {
    if (!json) return null;
    try {
      const { fingerprint, model } = JSON.parse(json) as { fingerprint: string; model: string };
      const parsed = CrisisModel.fromJSON(model);
      return parsed && typeof fingerprint === 'string' ? { fingerprint, model: parsed } : null;
    } catch {
      return null;
    }
  },
  toJSON: (trained: Trained) => JSON.stringify({ fingerprint: trained.fingerprint, model: trained.model.toJSON() }),
};

/** Models trained in this process, by fingerprint: test files and instances on one machine train a corpus once. */
const trainedHere = new Map<string, CrisisModel>();

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const store = modelStore(strapi, 'api_comment_crisis-model', codec);
  const config = () => strapi.config.get('moderation.crisisModel') as CrisisModelConfig;
  let corpus: CrisisExample[] | undefined;
  let retraining: Promise<void> | null = null;
  let again = false;

  const prior = (): CrisisExample[] => {
    if (corpus) return corpus;
    const dir = path.resolve(strapi.dirs.app.root, strapi.config.get('moderation.classifier.priorCorpus') as string);
    if (!fs.existsSync(dir)) strapi.log.warn(`Crisis model: no labelled corpus at ${dir}; it learns from moderators' decisions only.`);
    return (corpus = fs.existsSync(dir) ? crisisExamples(loadCorpus(dir)) : []);
  };

  const decisions = async (): Promise<CrisisExample[]> => {
    const rows = (await strapi.db.query(COMMENT).findMany({
      where: { crisisLabel: { $notNull: true } },
      select: ['documentId', 'body', 'crisisLabel'],
      orderBy: { id: 'asc' },
    })) as Array<{ documentId: string; body: string; crisisLabel: string }>;
    return rows.map((row) => ({ text: row.body, crisis: row.crisisLabel === 'crisis', weight: config().decisionWeight }));
  };

  const fingerprintOf = (examples: CrisisExample[]) => {
    const hash = createHash('sha256');
    for (const example of examples) hash.update(`${example.crisis ? 1 : 0}${example.weight ?? 1}\u0000${example.text}\u0001`);
    return hash.digest('hex');
  };

  /** The model for what is labelled now: the stored one if it was trained on exactly that, else a new one. */
  const train = async (): Promise<Trained> => {
    const examples = [...prior(), ...(await decisions())];
    const fingerprint = fingerprintOf(examples);
    const stored = await store.load();
    if (stored?.model.fingerprint === fingerprint) return stored.model;
    const model = trainedHere.get(fingerprint) ?? (await CrisisModel.trainInBackground(examples));
    trainedHere.set(fingerprint, model);
    const trained = { fingerprint, model };
    await store.save(trained);
    strapi.log.info(`Crisis model trained on ${examples.length} labelled comments.`);
    return trained;
  };

  return {
    /** At start-up: the stored model when it matches the labelled comments, or a newly trained one. */
    async ensure(): Promise<void> {
      if (config().enabled) await train();
    },

    /** A scorer for the pipeline, or undefined when the model is off (comments are then held: no evidence). */
    async scorer(): Promise<((text: NormalisedText) => RiskScore) | undefined> {
      if (!config().enabled) return undefined;
      const { model } = await store.current(train);
      return (text) => model.score(text);
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
