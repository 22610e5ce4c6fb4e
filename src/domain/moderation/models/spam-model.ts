import createClassifier from 'wink-naive-bayes-text-classifier';
import { domainOf, findLinks } from '../text/links';
import { normalise, type NormalisedText } from '../text/normalise';

/**
 * The learning spam filter: a naive Bayes text classifier (wink-naive-bayes-text-classifier) over the comment's
 * normalised words, word pairs and link domains. Its state is plain counts, so it is stored as JSON, learns one
 * comment at a time, and forgets one when a moderator changes their mind. It only ever scores: the policy decides
 * what a score means, and a low score never approves anything.
 */
export type SpamLabel = 'spam' | 'ham';

export interface SpamScore {
  /** Probability that the comment is spam, 0–1 (0.5 when the model knows none of its words). */
  probability: number;
  /** The tokens that pushed the score most, with their weight (log2 odds; positive: towards spam). */
  words: Array<{ word: string; weight: number }>;
}

const CONFIG = { considerOnlyPresence: true, smoothingFactor: 0.5 };

/** The tokens the model learns from: words of two letters or more, word pairs, and `link:<domain>` per link. */
export const spamTokens = (text: NormalisedText, links: string[]): string[] => {
  const words = text.unleet
    .split(' ')
    .map((word) => (/^\d+$/.test(word) ? '<number>' : word))
    .filter((word) => word.length >= 2);
  const pairs = words.slice(1).map((word, index) => `${words[index]} ${word}`);
  return [...new Set([...words, ...pairs, ...links.map((link) => `link:${domainOf(link)}`)])];
};

/** A comment's text, or its tokens already made (the pipeline normalises once). */
export type SpamInput = string | string[];
const tokensOf = (input: SpamInput): string[] => (Array.isArray(input) ? input : spamTokens(normalise(input), findLinks(input)));

/** wink's exported state: [config, samples per label, token counts per label, token totals per label, vocabulary]. */
type State = [typeof CONFIG, Record<string, number>, Record<string, Record<string, number>>, Record<string, number>, string[]];

/** wink accepts tokens as well as text (its documentation: `string|string[]`); its type declaration says string. */
type Classifier = Omit<ReturnType<typeof createClassifier>, 'learn' | 'computeOdds'> & {
  learn(input: SpamInput, label: SpamLabel): boolean;
  computeOdds(input: SpamInput): Array<[string, number]>;
};

const newClassifier = (): Classifier => {
  const classifier = createClassifier();
  classifier.definePrepTasks([tokensOf]);
  classifier.defineConfig(CONFIG);
  return classifier as Classifier;
};

export class SpamModel {
  private readonly classifier = newClassifier();
  private consolidated = false;
  /** The counts, read from the classifier when needed (explanations, unlearning) and dropped on every change. */
  private cachedState: State | null = null;
  private cachedVocabulary: Set<string> | null = null;

  private constructor(state?: State) {
    if (state && state[4].length > 0) this.classifier.importJSON(JSON.stringify(state));
  }

  static empty(): SpamModel {
    return new SpamModel();
  }

  /** A model from its stored JSON, or null when the value is missing or unreadable (the caller rebuilds it). */
  static fromJSON(json: string | null | undefined): SpamModel | null {
    if (!json) return null;
    try {
      const state = JSON.parse(json) as State;
      return Array.isArray(state) && state.length === 5 ? new SpamModel(state) : null;
    } catch {
      return null;
    }
  }

  toJSON(): string {
    return this.classifier.exportJSON();
  }

  /** How many comments of each label it has learned. */
  get samples(): Record<SpamLabel, number> {
    const samples = this.state()[1];
    return { spam: samples.spam ?? 0, ham: samples.ham ?? 0 };
  }

  learn(text: SpamInput, label: SpamLabel): this {
    // wink learns only before it consolidates; importing its own state starts a new learning round.
    if (this.consolidated) this.classifier.importJSON(this.classifier.exportJSON());
    this.consolidated = false;
    this.classifier.learn(text, label);
    this.cachedState = this.cachedVocabulary = null;
    return this;
  }

  /** Takes back one learned comment (the moderator changed the decision); words no comment still has are dropped. */
  unlearn(text: SpamInput, label: SpamLabel): this {
    const [config, samples, counts, totals, vocabulary] = this.state();
    if (!samples[label]) return this;
    samples[label] -= 1;
    const forgotten = new Set<string>();
    for (const token of tokensOf(text)) {
      const count = counts[label]?.[token] ?? 0;
      if (count === 0) continue;
      if (count === 1) delete counts[label][token];
      else counts[label][token] = count - 1;
      totals[label] -= 1;
      if (Object.values(counts).every((byToken) => !byToken[token])) forgotten.add(token);
    }
    const state: State = [config, samples, counts, totals, vocabulary.filter((token) => !forgotten.has(token))];
    this.classifier.importJSON(JSON.stringify(state));
    this.consolidated = false;
    this.cachedState = this.cachedVocabulary = null;
    return this;
  }

  score(text: SpamInput): SpamScore {
    const { spam, ham } = this.samples;
    // Scoring needs both labels and some vocabulary; until then the model has no opinion.
    if (spam === 0 || ham === 0 || this.state()[4].length < 10) return { probability: 0.5, words: [] };
    if (!this.consolidated) this.consolidated = this.classifier.consolidate();
    const tokens = tokensOf(text);
    const spamOdds = this.classifier.computeOdds(tokens).find(([label]) => label === 'spam')?.[1] ?? 0;
    return { probability: 1 / (1 + 2 ** -spamOdds), words: this.drivers(tokens) };
  }

  private state(): State {
    if (!this.cachedState) this.cachedState = JSON.parse(this.classifier.exportJSON()) as State;
    return this.cachedState;
  }

  /** Per token, log2 P(token | spam) − log2 P(token | ham), smoothed as the classifier smooths: the strongest five. */
  private drivers(tokens: string[]): SpamScore['words'] {
    const [config, , counts, totals, vocabulary] = this.state();
    const known = (this.cachedVocabulary ??= new Set(vocabulary));
    const likelihood = (token: string, label: SpamLabel) =>
      Math.log2((counts[label]?.[token] ?? 0) + config.smoothingFactor) - Math.log2((totals[label] ?? 0) + vocabulary.length * config.smoothingFactor);
    return tokens
      .filter((token) => known.has(token))
      .map((word) => ({ word, weight: Math.round((likelihood(word, 'spam') - likelihood(word, 'ham')) * 100) / 100 }))
      .sort((a, b) => Math.abs(b.weight) - Math.abs(a.weight))
      .slice(0, 5);
  }
}

/** A model trained on labelled comments (the team's corpus as a prior). */
export const trainModel = (examples: Array<{ text: string; label: SpamLabel }>): SpamModel =>
  examples.reduce((model, { text, label }) => model.learn(text, label), SpamModel.empty());
