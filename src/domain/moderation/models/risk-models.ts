import { createHash } from 'crypto';
import { crisisExamples, reviewExamples, type CorpusEntry } from './corpus';
import type { Features } from './features';
import { featuresInBackground, RiskModel, type RiskExample } from './risk-model';

/**
 * The two learned risk models, trained together: the crisis risk and the review risk (crisis, personal details or
 * spam: not to be published unseen), from the labelled corpus and moderators' urgency decisions, each decision
 * counting `weight` times (a comment marked urgent needs review too; one marked not urgent teaches only the crisis
 * model). The fingerprint names exactly what they learned from.
 */
export interface RiskModels {
  fingerprint: string;
  crisis: RiskModel;
  review: RiskModel;
}

export interface RiskLabels {
  crisis: RiskExample[];
  review: RiskExample[];
}

/** A moderator's urgency decision on a comment. */
export interface UrgencyDecision {
  text: string;
  crisis: boolean;
}

export const riskLabels = (corpus: CorpusEntry[], decisions: readonly UrgencyDecision[], weight: number): RiskLabels => ({
  crisis: [...crisisExamples(corpus), ...decisions.map((decision) => ({ text: decision.text, positive: decision.crisis, weight }))],
  review: [...reviewExamples(corpus), ...decisions.filter((decision) => decision.crisis).map((decision) => ({ text: decision.text, positive: true, weight }))],
});

export const riskFingerprint = ({ crisis, review }: RiskLabels): string => {
  const hash = createHash('sha256');
  for (const example of [...crisis, ...review]) hash.update(`${example.positive ? 1 : 0}${example.weight ?? 1}\u0000${example.text}\u0001`);
  return hash.digest('hex');
};

/**
 * Both models, from one reading of every text (the features are the same; the labels differ). `known` keeps each
 * text's features between trainings (the corpus does not change between a moderator's decisions), so a retraining
 * reads only the texts it has not seen.
 */
/** What training reads of a text's features (without the per-word explanation: ~8 MB for the corpus, not ~54). */
export type TrainingFeatures = Pick<Features, 'slots' | 'value'>;

export const trainRiskModels = async (labels: RiskLabels, known: Map<string, TrainingFeatures> = new Map(), signal?: AbortSignal): Promise<RiskModels> => {
  const texts = [...new Set([...labels.crisis, ...labels.review].map((example) => example.text))];
  const unread = texts.filter((text) => !known.has(text));
  const features = await featuresInBackground(unread, signal);
  unread.forEach((text, index) => known.set(text, { slots: features[index].slots, value: features[index].value }));
  const prepared = (examples: RiskExample[]) => examples.map((example) => ({ features: known.get(example.text)!, positive: example.positive, weight: example.weight ?? 1 }));
  return {
    fingerprint: riskFingerprint(labels),
    crisis: await RiskModel.trainInBackground(prepared(labels.crisis), undefined, signal),
    review: await RiskModel.trainInBackground(prepared(labels.review), undefined, signal),
  };
};

export const riskModelsCodec = {
  fromJSON(json: string | null | undefined): RiskModels | null {
    if (!json) return null;
    try {
      const { fingerprint, crisis, review } = JSON.parse(json) as { fingerprint: string; crisis: string; review: string };
      const [crisisModel, reviewModel] = [RiskModel.fromJSON(crisis), RiskModel.fromJSON(review)];
      return crisisModel && reviewModel && typeof fingerprint === 'string' ? { fingerprint, crisis: crisisModel, review: reviewModel } : null;
    } catch {
      return null;
    }
  },
  toJSON: (models: RiskModels) => JSON.stringify({ fingerprint: models.fingerprint, crisis: models.crisis.toJSON(), review: models.review.toJSON() }),
};
