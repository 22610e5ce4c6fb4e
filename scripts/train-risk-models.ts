/**
 * Trains the learned risk models on the labelled corpus alone (what a new, empty database starts from) and keeps
 * them in the cache of trained models (CRISIS_MODEL_CACHE_DIR), so servers starting on an empty database on this
 * machine read them instead of each training its own: the test suite runs it once before its files, a deployment
 * may run it at image build. Prints the fingerprint and whether it trained.
 *
 *   npx tsx scripts/train-risk-models.ts
 */
import path from 'path';
import { loadCorpus, riskFingerprint, riskLabels, riskModelsCodec, trainedModelsCache, trainRiskModels } from '#domain/moderation';

const root = path.resolve(__dirname, '..');
const cacheDir = process.env.CRISIS_MODEL_CACHE_DIR ?? '.tmp/trained-models';
const corpusDir = path.resolve(root, process.env.SPAM_CLASSIFIER_PRIOR ?? 'data/moderation-corpus');
const decisionWeight = Number(process.env.CRISIS_MODEL_DECISION_WEIGHT ?? 5);

const main = async () => {
  if (!cacheDir) {
    console.log('CRISIS_MODEL_CACHE_DIR is empty: no cache of trained models, nothing to do.');
    return;
  }
  const cache = trainedModelsCache(path.resolve(root, cacheDir), riskModelsCodec, (message) => console.warn(message));
  const labels = riskLabels(loadCorpus(corpusDir), [], decisionWeight);
  const fingerprint = riskFingerprint(labels);
  if (cache.get(fingerprint)) {
    console.log(`Risk models for ${fingerprint.slice(0, 12)} already trained.`);
    return;
  }
  cache.set(fingerprint, await trainRiskModels(labels));
  console.log(`Risk models for ${fingerprint.slice(0, 12)} trained (${labels.crisis.length} labelled comments).`);
};

main().catch((error: Error) => {
  console.error(error.message);
  process.exit(1);
});
