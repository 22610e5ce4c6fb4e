import { normalise, type NormalisedText } from '../text/normalise';
import { FEATURE_SLOTS, featuresOf, type Features } from './features';

/**
 * A learned risk model: logistic regression over hashed words, word pairs and letter sequences (`features.ts`),
 * trained with AdaGrad on labelled comments. Two are trained: the crisis risk (a person must read it first) and the
 * review risk (crisis, personal details or spam: not to be published unseen). It only scores; the policy decides
 * what a score means. Training is deterministic: the same examples give the same weights on every instance.
 */
export interface RiskScore {
  /** The probability the model gives, 0–1. */
  score: number;
  /** The words that pushed the score up most, with their weight (log-odds). */
  words: Array<{ word: string; weight: number }>;
}

export interface RiskExample {
  text: string;
  positive: boolean;
  /** How many times the example counts (a moderator's decision counts more than one corpus comment). */
  weight?: number;
}

/** Examples with their features made (training reads the slots and their value only). */
export interface Prepared {
  features: Pick<Features, 'slots' | 'value'>;
  positive: boolean;
  weight: number;
}

export interface TrainingOptions {
  epochs: number;
  learningRate: number;
  /** L2 regularisation per update. */
  l2: number;
  /** The weight of a positive example relative to a negative one (recall first). */
  positiveWeight: number;
  seed: number;
}

/** Chosen by cross-validation on the training corpus (`npx tsx scripts/crisis-model-compare.ts`). */
export const DEFAULT_TRAINING: TrainingOptions = { epochs: 20, learningRate: 0.2, l2: 1e-6, positiveWeight: 2, seed: 7 };

const CHUNK = 250;
const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));
/** Gives the event loop back; then stops the work with the signal's reason if it was aborted meanwhile. */
const pause = async (signal?: AbortSignal) => {
  await new Promise<void>((resolve) => setImmediate(resolve));
  signal?.throwIfAborted();
};

/** A deterministic pseudo-random generator (mulberry32). */
const random = (seed: number) => () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};

export const prepare = (examples: readonly RiskExample[]): Prepared[] =>
  examples.map((example) => ({ features: featuresOf(normalise(example.text)), positive: example.positive, weight: example.weight ?? 1 }));

/** The features of many texts, giving the event loop back every few hundred (reading the lexicons is the cost). */
export const featuresInBackground = async (texts: readonly string[], signal?: AbortSignal): Promise<Features[]> => {
  const features: Features[] = [];
  for (let start = 0; start < texts.length; start += CHUNK) {
    features.push(...texts.slice(start, start + CHUNK).map((text) => featuresOf(normalise(text))));
    await pause(signal);
  }
  return features;
};

/** AdaGrad over shuffled examples; yields after every CHUNK examples so a caller can pause between them. */
function* training(examples: readonly Prepared[], options: TrainingOptions): Generator<void, { weights: Float32Array; bias: number }> {
  const weights = new Float32Array(FEATURE_SLOTS);
  const squares = new Float32Array(FEATURE_SLOTS).fill(1e-8);
  let bias = 0;
  let biasSquares = 1e-8;
  const next = random(options.seed);
  const order = examples.map((_, index) => index);
  for (let epoch = 0; epoch < options.epochs; epoch += 1) {
    for (let index = order.length - 1; index > 0; index -= 1) {
      const other = Math.floor(next() * (index + 1));
      [order[index], order[other]] = [order[other], order[index]];
    }
    for (const [count, position] of order.entries()) {
      if (count % CHUNK === CHUNK - 1) yield;
      const { features, positive, weight } = examples[position];
      let margin = bias;
      for (const slot of features.slots) margin += weights[slot] * features.value;
      const error = (sigmoid(margin) - (positive ? 1 : 0)) * weight * (positive ? options.positiveWeight : 1);
      for (const slot of features.slots) {
        const gradient = error * features.value + options.l2 * weights[slot];
        squares[slot] += gradient * gradient;
        weights[slot] -= (options.learningRate * gradient) / Math.sqrt(squares[slot]);
      }
      biasSquares += error * error;
      bias -= (options.learningRate * error) / Math.sqrt(biasSquares);
    }
  }
  return { weights, bias };
}

export class RiskModel {
  private constructor(
    private readonly weights: Float32Array,
    private readonly bias: number
  ) {}

  static train(examples: readonly RiskExample[], options: TrainingOptions = DEFAULT_TRAINING): RiskModel {
    return RiskModel.trainOn(prepare(examples), options);
  }

  /** Training on features already made (cross-validation makes them once for every fold). */
  static trainOn(examples: readonly Prepared[], options: TrainingOptions = DEFAULT_TRAINING): RiskModel {
    const steps = training(examples, options);
    for (;;) {
      const step = steps.next();
      if (step.done) return new RiskModel(step.value.weights, step.value.bias);
    }
  }

  /**
   * The same training, giving the event loop back every few hundred examples, so a server keeps answering; an aborted
   * `signal` stops it at the next pause (a server shutting down does not wait for it).
   */
  static async trainInBackground(examples: readonly Prepared[], options: TrainingOptions = DEFAULT_TRAINING, signal?: AbortSignal): Promise<RiskModel> {
    const steps = training(examples, options);
    for (;;) {
      const step = steps.next();
      if (step.done) return new RiskModel(step.value.weights, step.value.bias);
      await pause(signal);
    }
  }

  score(text: NormalisedText): RiskScore {
    const features = featuresOf(text);
    let margin = this.bias;
    for (const slot of features.slots) margin += this.weights[slot] * features.value;
    const words = [...features.byWord]
      .map(([word, slots]) => ({ word, weight: Math.round(slots.reduce((sum, slot) => sum + this.weights[slot] * features.value, 0) * 100) / 100 }))
      .filter((entry) => entry.weight > 0)
      .sort((a, b) => b.weight - a.weight)
      .slice(0, 5);
    return { score: sigmoid(margin), words };
  }

  /** The weights as text for storage (base64 of the float32 array) with the bias. */
  toJSON(): string {
    const buffer = Buffer.from(this.weights.buffer, this.weights.byteOffset, this.weights.byteLength);
    return JSON.stringify({ bias: this.bias, slots: FEATURE_SLOTS, weights: buffer.toString('base64') });
  }

  /** A model from its stored text, or null when it is missing, unreadable or made for other features. */
  static fromJSON(json: string | null | undefined): RiskModel | null {
    if (!json) return null;
    try {
      const { bias, slots, weights } = JSON.parse(json) as { bias: number; slots: number; weights: string };
      if (slots !== FEATURE_SLOTS || typeof bias !== 'number') return null;
      const bytes = Buffer.from(weights, 'base64');
      if (bytes.byteLength !== FEATURE_SLOTS * 4) return null;
      return new RiskModel(new Float32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength)), bias);
    } catch {
      return null;
    }
  }
}
