/**
 * `npm run moderation:eval`: the whole moderation (lexicons, learned models, policy) over two labelled sets, for
 * first-time authors and for verified authors who already have an approved comment:
 * - the training corpus (data/moderation-corpus), with both learned models cross-validated in five folds, so no
 *   comment is scored by a model that has seen it;
 * - the evaluation corpus (tests/fixtures/evaluation-corpus), written apart from the rules and never trained on,
 *   scored by models trained on the whole training corpus. This is the figure that says how the next reader fares.
 * CI holds both to the thresholds in tests/unit/moderation-eval.test.ts. `--misses` lists the training corpus's
 * misses (never the evaluation corpus's: reading those to write rules would make its figures meaningless).
 */
import path from 'path';
import { env } from '@strapi/utils';
import moderationConfig from '../config/moderation';
import {
  crisisExamples,
  decide,
  isSpamFlag,
  LABELS,
  loadCorpus,
  lexicons,
  reviewExamples,
  RiskModel,
  featuresOf,
  normalise,
  type Features,
  runPipeline,
  spamExamples,
  spamTokens,
  trainSpamModel,
  type AuthorStanding,
  type CorpusEntry,
  type Label,
  type ModerationRules,
  type Models,
} from '#domain/moderation';

export const OUTCOMES = ['spam', 'pending', 'urgent', 'approved'] as const;
export type Outcome = (typeof OUTCOMES)[number];

export interface Judged extends CorpusEntry {
  flags: string[];
  outcome: Outcome;
  crisisRisk: number;
  reviewRisk: number;
}

export const PERSONAL_FLAGS = ['phone-number', 'long-number', 'email-address', 'street-address', 'date-of-birth', 'member-id', 'named-diagnosis', 'child-school'];
export const TRAINING_DIR = path.join(__dirname, '..', 'data', 'moderation-corpus');
export const EVALUATION_DIR = path.join(__dirname, '..', 'tests', 'fixtures', 'evaluation-corpus');

export { loadCorpus };
/** The configured rules; the secrets the same config file reads are irrelevant offline, so throwaway ones stand in. */
export const rules = (): ModerationRules => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { randomSecrets } = require('./ensure-env') as { randomSecrets: () => Record<string, string> };
  for (const [name, value] of Object.entries(randomSecrets())) process.env[name] ||= value;
  return moderationConfig({ env }) as ModerationRules;
};

export const RUNS: Record<string, AuthorStanding> = {
  'first-time authors': { isDuplicate: false, verified: false, hasApprovedComment: false },
  'verified authors with an approved comment': { isDuplicate: false, verified: true, hasApprovedComment: true },
};

/** Each comment's features, made once per corpus (reading the lexicons is the cost; folds share them). */
const featureCache = new WeakMap<CorpusEntry, Features>();
const featuresFor = (entries: CorpusEntry[]) => {
  for (const entry of entries) if (!featureCache.has(entry)) featureCache.set(entry, featuresOf(normalise(entry.text)));
  return entries.map((entry) => featureCache.get(entry) as Features);
};

/** The learned models trained on `training`: the spam filter and both risk models. */
export const trainModels = (training: CorpusEntry[]): Models => {
  const spam = trainSpamModel(spamExamples(training));
  const features = featuresFor(training);
  const prepared = (examples: ReturnType<typeof crisisExamples>) => examples.map((example, index) => ({ features: features[index], positive: example.positive, weight: 1 }));
  const [crisis, review] = [RiskModel.trainOn(prepared(crisisExamples(training))), RiskModel.trainOn(prepared(reviewExamples(training)))];
  return { spam: (text, links) => spam.score(spamTokens(text, links)), crisis: (text) => crisis.score(text), review: (text) => review.score(text) };
};

const foldCache = new WeakMap<CorpusEntry[], Models[]>();
/** Per comment, the models that did not see it: trained on the other folds (every `folds`-th comment is a fold). */
export const crossValidatedModels = (corpus: CorpusEntry[], folds = 5): Models[] => {
  const cached = foldCache.get(corpus);
  if (cached) return cached;
  const byFold = Array.from({ length: folds }, (_, fold) => trainModels(corpus.filter((_, index) => index % folds !== fold)));
  const models = corpus.map((_, index) => byFold[index % folds]);
  foldCache.set(corpus, models);
  return models;
};

const TITLE = 'What’s The Difference Between A Support Group And Group Therapy?';

/** The pipeline's findings per comment do not depend on the standing here (no duplicates): kept per models and rules. */
const findingsCache = new WeakMap<object, Map<string, Array<ReturnType<typeof runPipeline>>>>();
const findingsFor = (corpus: CorpusEntry[], standing: AuthorStanding, models: Models | Models[], moderation: ModerationRules) => {
  let byRules = findingsCache.get(models);
  if (!byRules) findingsCache.set(models, (byRules = new Map()));
  const key = `${corpus.length}:${JSON.stringify(moderation)}`;
  let found = byRules.get(key);
  if (!found || found.length !== corpus.length) {
    found = corpus.map((entry, index) => runPipeline({ body: entry.text, authorEmail: 'reader@example.com', articleTitle: TITLE }, standing, moderation, Array.isArray(models) ? models[index] : models));
    byRules.set(key, found);
  }
  return found;
};

export const judge = (corpus: CorpusEntry[], standing: AuthorStanding, models: Models | Models[], moderation: ModerationRules = rules()): Judged[] => {
  const found = findingsFor(corpus, standing, models, moderation);
  return corpus.map((entry, index) => {
    const { flags, facts } = found[index];
    const verdict = decide(flags, standing);
    const outcome: Outcome = verdict.priority === 'urgent' ? 'urgent' : verdict.moderationStatus === 'rejected' ? 'pending' : verdict.moderationStatus;
    return { ...entry, flags, outcome, crisisRisk: facts.crisisRisk?.score ?? 0, reviewRisk: facts.reviewRisk?.score ?? 0 };
  });
};

/** The share of `label` comments for which `test` holds. */
export const share = (judged: Judged[], label: Label, test: (entry: Judged) => boolean) => {
  const ofLabel = judged.filter((entry) => entry.label === label);
  return ofLabel.length === 0 ? 0 : ofLabel.filter(test).length / ofLabel.length;
};

const covered = () => Object.keys(lexicons().byKind.crisis);

export const measures = (judged: Judged[]) => ({
  'crisis marked urgent': share(judged, 'crisis', (entry) => entry.outcome === 'urgent'),
  'crisis urgent by the model alone': share(judged, 'crisis', (entry) => entry.flags.includes('crisis:model')),
  'crisis published without review': share(judged, 'crisis', (entry) => entry.outcome === 'approved'),
  'personal published without review': share(judged, 'personal', (entry) => entry.outcome === 'approved'),
  'spam published without review': share(judged, 'spam', (entry) => entry.outcome === 'approved'),
  'genuine marked urgent': share(judged, 'genuine', (entry) => entry.outcome === 'urgent'),
  'hard negatives marked urgent': share(judged, 'hard-negative', (entry) => entry.outcome === 'urgent'),
  'personal details flagged': share(judged, 'personal', (entry) => entry.flags.some((flag) => PERSONAL_FLAGS.includes(flag))),
  'spam marked spam': share(judged, 'spam', (entry) => entry.outcome === 'spam'),
  'genuine marked spam': share(judged, 'genuine', (entry) => entry.outcome === 'spam'),
  'hard negatives marked spam': share(judged, 'hard-negative', (entry) => entry.outcome === 'spam'),
  'genuine published (verified authors)': share(judged, 'genuine', (entry) => entry.outcome === 'approved'),
  'uncovered languages held': (() => {
    const uncovered = judged.filter((entry) => !covered().includes(entry.lang));
    return uncovered.length === 0 ? 1 : uncovered.filter((entry) => entry.outcome !== 'approved').length / uncovered.length;
  })(),
  'spam caught by learning alone': share(judged, 'spam', (entry) => entry.flags.includes('spam:learned') && !entry.flags.some((flag) => flag !== 'spam:learned' && isSpamFlag(flag))),
});

const percent = (value: number) => `${(value * 100).toFixed(1)}%`;

export const table = (judged: Judged[]) => {
  const rows = LABELS.map((label) => {
    const ofLabel = judged.filter((entry) => entry.label === label);
    return [label, String(ofLabel.length), ...OUTCOMES.map((outcome) => String(ofLabel.filter((entry) => entry.outcome === outcome).length))];
  });
  const header = ['label', 'n', ...OUTCOMES];
  const widths = header.map((_, column) => Math.max(...[header, ...rows].map((row) => row[column].length)));
  return [header, ...rows].map((row) => row.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]) : cell.padStart(widths[column]))).join('  ')).join('\n');
};

/** Crisis comments marked urgent, per language (the evaluation corpus's languages). */
export const byLanguage = (judged: Judged[]) => {
  const languages = [...new Set(judged.map((entry) => entry.lang))].sort();
  return languages
    .map((lang) => {
      const crisis = judged.filter((entry) => entry.lang === lang && entry.label === 'crisis');
      const urgent = crisis.filter((entry) => entry.outcome === 'urgent').length;
      return `${lang} ${urgent}/${crisis.length}`;
    })
    .join('  ');
};

const MISSED: Record<string, (entry: Judged) => boolean> = {
  'crisis not urgent': (entry) => entry.label === 'crisis' && entry.outcome !== 'urgent',
  'genuine or hard negative urgent': (entry) => (entry.label === 'genuine' || entry.label === 'hard-negative') && entry.outcome === 'urgent',
  'personal not flagged': (entry) => entry.label === 'personal' && !entry.flags.some((flag) => PERSONAL_FLAGS.includes(flag)),
  'spam not spam': (entry) => entry.label === 'spam' && entry.outcome !== 'spam',
  'genuine marked spam': (entry) => entry.label === 'genuine' && entry.outcome === 'spam',
  'published but should not be': (entry) => ['crisis', 'personal', 'spam'].includes(entry.label) && entry.outcome === 'approved',
};

const report = (name: string, judged: Judged[], showMisses: boolean) => {
  process.stdout.write(`\n## ${name} (${judged.length} comments)\n\n${table(judged)}\n\n`);
  for (const [measure, value] of Object.entries(measures(judged))) process.stdout.write(`${measure.padEnd(38)} ${percent(value)}\n`);
  process.stdout.write(`crisis urgent by language               ${byLanguage(judged)}\n`);
  if (!showMisses) return;
  for (const [what, test] of Object.entries(MISSED)) {
    const missed = judged.filter(test);
    if (missed.length === 0) continue;
    process.stdout.write(`\n### ${what} (${missed.length})\n`);
    for (const entry of missed) process.stdout.write(`- [${entry.lang}/${entry.kind}] ${entry.outcome} risk ${entry.crisisRisk.toFixed(2)} ${JSON.stringify(entry.flags)} ${entry.text}\n`);
  }
};

if (require.main === module) {
  const training = loadCorpus(TRAINING_DIR);
  const evaluation = loadCorpus(EVALUATION_DIR);
  const showMisses = process.argv.includes('--misses');
  const folds = crossValidatedModels(training);
  const models = trainModels(training);
  process.stdout.write(`# Training corpus (${training.length}, models cross-validated in 5 folds)\n`);
  for (const [name, standing] of Object.entries(RUNS)) report(name, judge(training, standing, folds), showMisses);
  process.stdout.write(`\n# Evaluation corpus (${evaluation.length}, written apart, never trained on)\n`);
  for (const [name, standing] of Object.entries(RUNS)) report(name, judge(evaluation, standing, models), false);
}
