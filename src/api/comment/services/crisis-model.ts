import fs from 'fs';
import path from 'path';
import type { Core } from '@strapi/strapi';
import { loadCorpus, riskFingerprint, type TrainingFeatures, riskLabels, riskModelsCodec, trainedModelsCache, trainRiskModels, type CorpusEntry, type NormalisedText, type RiskLabels, type RiskModels, type RiskScore } from '#domain/moderation';
import { modelStore } from './model-store';
import { getConfig } from '#app/utils/config';

/**
 * The learned risk models (#domain/moderation risk-models.ts), one pair for every instance (model-store.ts),
 * trained on the labelled corpus and on every comment a moderator marked urgent or not urgent (`crisisLabel`). A
 * decision (or taking one back) retrains them in the background, without holding up the server; the stored pair
 * carries a fingerprint of what it was trained on, so a changed corpus retrains it at start-up, and a pair trained
 * on this machine from the same labels is read from disk instead (trained-models-cache.ts). Erasing a comment takes
 * its words out at the next training, since its label goes with it.
 */
const COMMENT = 'api::comment.comment';

const service = ({ strapi }: { strapi: Core.Strapi }) => {
  const store = modelStore(strapi, 'api_comment_crisis-model', riskModelsCodec);
  const config = () => getConfig(strapi, 'moderation').crisisModel;
  const cacheDir = config().cacheDir;
  const onDisk = trainedModelsCache(cacheDir ? path.resolve(strapi.dirs.app.root, cacheDir) : null, riskModelsCodec, (message) => strapi.log.warn(message));
  let corpus: CorpusEntry[] | undefined;
  // Each labelled text's features, kept between retrainings (a decision adds one text; the corpus is read once).
  const features = new Map<string, TrainingFeatures>();
  let retraining: Promise<void> | null = null;
  // Aborted when the server stops: a retraining under way is dropped (the next start trains from the stored labels).
  const stopping = new AbortController();
  let again = false;

  const prior = (): CorpusEntry[] => {
    if (corpus) return corpus;
    const dir = path.resolve(strapi.dirs.app.root, getConfig(strapi, 'moderation').classifier.priorCorpus);
    if (!fs.existsSync(dir)) strapi.log.warn(`Crisis model: no labelled corpus at ${dir}; it learns from moderators' decisions only.`);
    return (corpus = fs.existsSync(dir) ? loadCorpus(dir) : []);
  };

  const labelled = async (): Promise<RiskLabels> => {
    const rows = (await strapi.db.query(COMMENT).findMany({
      where: { crisisLabel: { $notNull: true } },
      select: ['documentId', 'body', 'crisisLabel'],
      orderBy: { id: 'asc' },
    })) as Array<{ documentId: string; body: string; crisisLabel: string }>;
    return riskLabels(prior(), rows.map((row) => ({ text: row.body, crisis: row.crisisLabel === 'crisis' })), config().decisionWeight);
  };

  /** The models for what is labelled now: the stored ones if they were trained on exactly that, else new ones. */
  const train = async (): Promise<RiskModels> => {
    const examples = await labelled();
    const fingerprint = riskFingerprint(examples);
    const stored = await store.load();
    if (stored?.model.fingerprint === fingerprint) return stored.model;
    const kept = onDisk.get(fingerprint);
    const trained = kept?.fingerprint === fingerprint ? kept : await trainRiskModels(examples, features, stopping.signal);
    if (trained !== kept) onDisk.set(fingerprint, trained);
    await store.save(trained);
    strapi.log.info(`Risk models ${trained === kept ? 'read from the cache of trained models' : 'trained'} for ${examples.crisis.length} labelled comments.`);
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
          if (stopping.signal.aborted) strapi.log.info('Crisis model retraining stopped with the server; the next start trains from the stored decisions.');
          else strapi.log.error(`Crisis model could not retrain: ${error.message}`);
        })
        .finally(() => {
          retraining = null;
        });
    },

    /** Resolves when no retraining is under way (tests). */
    async idle(): Promise<void> {
      while (retraining) await retraining;
    },

    /** At shutdown: stops a retraining under way at its next pause, and resolves when it has. */
    async stop(): Promise<void> {
      stopping.abort(new Error('the server is stopping'));
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
