import { isPuzzle } from '../../scripts/crisis-model-compare';
import { crossValidatedModels, EVALUATION_DIR, judge, loadCorpus, measures, RUNS, trainModels, TRAINING_DIR } from '../../scripts/moderation-eval';

/**
 * The care and spam thresholds, held in CI. Two sets, for first-time authors and for verified authors who already
 * have an approved comment (`npm run moderation:eval` prints the tables behind these numbers):
 * - the evaluation corpus, written apart from the rules and never trained on: how the next reader fares;
 * - the training corpus, with the learned models cross-validated (no comment scored by a model that saw it).
 */
const training = loadCorpus(TRAINING_DIR);
const evaluation = loadCorpus(EVALUATION_DIR);
const count = (corpus: typeof training, label: string) => corpus.filter((entry) => entry.label === label).length;

describe('the labelled sets', () => {
  it('the evaluation corpus has the size and breadth the care issue asks for', () => {
    expect(evaluation.length).toBeGreaterThanOrEqual(600);
    expect(new Set(evaluation.map((entry) => entry.lang)).size).toBeGreaterThanOrEqual(8);
    const kinds = new Set(evaluation.filter((entry) => entry.label === 'crisis').map((entry) => entry.kind));
    for (const kind of ['plan', 'third-party', 'hopelessness', 'question', 'goodbye', 'self-harm']) expect(kinds).toContain(kind);
    expect(count(evaluation, 'hard-negative')).toBeGreaterThanOrEqual(100);
    expect(evaluation.filter((entry) => entry.kind === 'helpline-link').length).toBeGreaterThanOrEqual(20);
  });

  it('no evaluation comment is in the training corpus', () => {
    const trained = new Set(training.map((entry) => entry.text.trim().toLowerCase()));
    expect(evaluation.filter((entry) => trained.has(entry.text.trim().toLowerCase()))).toEqual([]);
  });
});

describe.each(Object.entries(RUNS))('the evaluation corpus, %s', (_run, standing) => {
  const result = measures(judge(evaluation, standing, trainModels(training)));

  it('marks at least 95% of crisis comments urgent', () => {
    expect(result['crisis marked urgent']).toBeGreaterThanOrEqual(0.95);
  });
  it('publishes no crisis, personal-detail or spam comment without review', () => {
    expect(result['crisis published without review']).toBe(0);
    expect(result['personal published without review']).toBe(0);
    expect(result['spam published without review']).toBe(0);
  });
  it('marks at most 1% of genuine comments spam and at most 8% urgent', () => {
    expect(result['genuine marked spam']).toBeLessThanOrEqual(0.01);
    expect(result['genuine marked urgent']).toBeLessThanOrEqual(0.08);
  });
  it('holds every comment in a language the rules do not read', () => {
    expect(result['uncovered languages held']).toBe(1);
  });
});

describe.each(Object.entries(RUNS))('the training corpus, cross-validated, %s', (_run, standing) => {
  const judged = judge(training, standing, crossValidatedModels(training));
  const all = measures(judged);
  // The realistic sets calibrate the thresholds (npx tsx scripts/crisis-model-compare.ts --thresholds); the hard-case and
  // contrast sets, written to sit on the line, only teach.
  const realistic = measures(judged.filter((entry) => !isPuzzle(entry)));
  const team = measures(judged.filter((entry) => ['crisis', 'genuine', 'hard-negative', 'spam', 'personal'].includes(entry.source ?? '')));

  it('marks at least 95% of the realistic crisis comments urgent, and publishes nothing unsafe from any set', () => {
    expect(realistic['crisis marked urgent']).toBeGreaterThanOrEqual(0.95);
    expect(all['crisis published without review']).toBe(0);
    expect(all['personal published without review']).toBe(0);
    expect(all['spam published without review']).toBe(0);
  });
  it("flags at least 95% of the team's comments with personal details and marks at least 90% of its spam", () => {
    expect(team['personal details flagged']).toBeGreaterThanOrEqual(0.95);
    expect(team['spam marked spam']).toBeGreaterThanOrEqual(0.9);
  });
  it('marks at most 1% of genuine comments spam in every set, and at most 10% of the realistic ones urgent', () => {
    expect(all['genuine marked spam']).toBeLessThanOrEqual(0.01);
    expect(realistic['genuine marked urgent']).toBeLessThanOrEqual(0.1);
  });
});
