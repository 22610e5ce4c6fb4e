/**
 * `npm run moderation:eval`: runs the moderation rules over the labelled corpus in tests/fixtures/moderation-corpus
 * twice (first-time authors; verified authors who already have an approved comment) and prints a confusion table
 * per run (label × outcome) and the measures CI holds to (tests/unit/moderation-eval.test.ts).
 * The learning filter is cross-validated: the corpus is cut into five parts and each comment is scored by a model
 * trained on the other four, so no comment is judged by a model that has seen it.
 * `--misses` also lists the comments each measure missed.
 */
import path from 'path';
import { env } from '@strapi/utils';
import moderationConfig from '../config/moderation';
import { computeFlags, type ModerationRules } from '../src/api/comment/moderation';
import { type SpamScore, trainModel } from '../src/api/comment/moderation/classifier';
import { type CorpusEntry, type Label, LABELS, loadCorpus as loadFrom, spamExamples } from '../src/api/comment/moderation/corpus';
import { decide, type AuthorStanding } from '../src/api/comment/moderation/decide';

export const OUTCOMES = ['spam', 'pending', 'urgent', 'approved'] as const;
export type Outcome = (typeof OUTCOMES)[number];

export interface Judged extends CorpusEntry {
  flags: string[];
  outcome: Outcome;
}

export const PERSONAL_FLAGS = ['phone-number', 'email-address', 'street-address', 'date-of-birth', 'member-id', 'named-diagnosis', 'child-school'];
const CORPUS_DIR = path.join(__dirname, '..', 'tests', 'fixtures', 'moderation-corpus');

export const loadCorpus = (dir = CORPUS_DIR): CorpusEntry[] => loadFrom(dir);

/** Each comment's learned spam score from a model trained on the other folds (every `folds`-th comment is a fold). */
export const crossValidatedScores = (corpus: CorpusEntry[], folds = 5): SpamScore[] => {
  const scores: SpamScore[] = new Array(corpus.length);
  for (let fold = 0; fold < folds; fold += 1) {
    const model = trainModel(spamExamples(corpus.filter((_, index) => index % folds !== fold)));
    corpus.forEach((entry, index) => {
      if (index % folds === fold) scores[index] = model.score(entry.text);
    });
  }
  return scores;
};

export const RUNS: Record<string, AuthorStanding> = {
  'first-time authors': { isDuplicate: false, verified: false, hasApprovedComment: false },
  'verified authors with an approved comment': { isDuplicate: false, verified: true, hasApprovedComment: true },
};

const TITLE = 'What’s The Difference Between A Support Group And Group Therapy?';

export const judge = (
  corpus: CorpusEntry[],
  standing: AuthorStanding,
  scores: SpamScore[] = [],
  rules: ModerationRules = moderationConfig({ env }) as ModerationRules
): Judged[] =>
  corpus.map((entry, index) => {
    const flags = computeFlags({ body: entry.text, authorEmail: 'reader@example.com', articleTitle: TITLE }, standing, rules, { learned: scores[index] });
    const verdict = decide(flags, standing);
    const outcome: Outcome = verdict.priority === 'urgent' ? 'urgent' : verdict.moderationStatus === 'rejected' ? 'pending' : verdict.moderationStatus;
    return { ...entry, flags, outcome };
  });

/** The share of `label` comments for which `test` holds. */
export const share = (judged: Judged[], label: Label, test: (entry: Judged) => boolean) => {
  const ofLabel = judged.filter((entry) => entry.label === label);
  return ofLabel.length === 0 ? 0 : ofLabel.filter(test).length / ofLabel.length;
};

export const measures = (judged: Judged[]) => ({
  'crisis marked urgent': share(judged, 'crisis', (entry) => entry.outcome === 'urgent'),
  'crisis auto-approved': share(judged, 'crisis', (entry) => entry.outcome === 'approved'),
  'personal details auto-approved': share(judged, 'personal', (entry) => entry.outcome === 'approved'),
  'spam auto-approved': share(judged, 'spam', (entry) => entry.outcome === 'approved'),
  'genuine marked urgent': share(judged, 'genuine', (entry) => entry.outcome === 'urgent'),
  'hard negatives marked urgent': share(judged, 'hard-negative', (entry) => entry.outcome === 'urgent'),
  'personal details flagged': share(judged, 'personal', (entry) => entry.flags.some((flag) => PERSONAL_FLAGS.includes(flag))),
  'spam marked spam': share(judged, 'spam', (entry) => entry.outcome === 'spam'),
  'genuine marked spam': share(judged, 'genuine', (entry) => entry.outcome === 'spam'),
  'hard negatives marked spam': share(judged, 'hard-negative', (entry) => entry.outcome === 'spam'),
  'spam caught by learning alone': share(judged, 'spam', (entry) => entry.flags.includes('spam:learned')),
  'genuine marked spam by learning': share(judged, 'genuine', (entry) => entry.flags.includes('spam:learned')),
});

const percent = (value: number) => `${(value * 100).toFixed(1)}%`;

const table = (judged: Judged[]) => {
  const rows = LABELS.map((label) => {
    const ofLabel = judged.filter((entry) => entry.label === label);
    return [label, String(ofLabel.length), ...OUTCOMES.map((outcome) => String(ofLabel.filter((entry) => entry.outcome === outcome).length))];
  });
  const header = ['label', 'n', ...OUTCOMES];
  const widths = header.map((_, column) => Math.max(...[header, ...rows].map((row) => row[column].length)));
  return [header, ...rows].map((row) => row.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]) : cell.padStart(widths[column]))).join('  ')).join('\n');
};

const MISSED: Record<string, (entry: Judged) => boolean> = {
  'crisis not urgent': (entry) => entry.label === 'crisis' && entry.outcome !== 'urgent',
  'genuine or hard negative urgent': (entry) => (entry.label === 'genuine' || entry.label === 'hard-negative') && entry.outcome === 'urgent',
  'personal not flagged': (entry) => entry.label === 'personal' && !entry.flags.some((flag) => PERSONAL_FLAGS.includes(flag)),
  'spam not spam': (entry) => entry.label === 'spam' && entry.outcome !== 'spam',
  'genuine marked spam': (entry) => entry.label === 'genuine' && entry.outcome === 'spam',
  'approved but should not be': (entry) => ['crisis', 'personal', 'spam'].includes(entry.label) && entry.outcome === 'approved',
};

if (require.main === module) {
  const corpus = loadCorpus();
  const scores = crossValidatedScores(corpus);
  const showMisses = process.argv.includes('--misses');
  for (const [name, standing] of Object.entries(RUNS)) {
    const judged = judge(corpus, standing, scores);
    process.stdout.write(`\n## ${name} (${corpus.length} comments)\n\n${table(judged)}\n\n`);
    for (const [measure, value] of Object.entries(measures(judged))) process.stdout.write(`${measure.padEnd(32)} ${percent(value)}\n`);
    if (showMisses) {
      for (const [what, test] of Object.entries(MISSED)) {
        const missed = judged.filter(test);
        if (missed.length === 0) continue;
        process.stdout.write(`\n### ${what} (${missed.length})\n`);
        for (const entry of missed) process.stdout.write(`- [${entry.lang}/${entry.kind}] ${entry.outcome} ${JSON.stringify(entry.flags)} ${entry.text}\n`);
      }
    }
  }
}
