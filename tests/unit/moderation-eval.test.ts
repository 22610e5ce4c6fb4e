import { crossValidatedScores, judge, loadCorpus, measures, RUNS } from '../../scripts/moderation-eval';

/**
 * The thresholds of the care and spam issues, on the team's labelled corpus (tests/fixtures/moderation-corpus), for
 * first-time authors and for verified authors who already have an approved comment. The learning filter is
 * cross-validated (no comment is scored by a model trained on it). `npm run moderation:eval` prints the confusion
 * tables behind these numbers.
 */
const corpus = loadCorpus();
const scores = crossValidatedScores(corpus);

describe('the labelled corpus', () => {
  it('has at least the size the care issue asks for', () => {
    const count = (label: string) => corpus.filter((entry) => entry.label === label).length;
    expect(corpus.length).toBeGreaterThanOrEqual(600);
    expect(count('crisis')).toBeGreaterThanOrEqual(150);
    expect(count('hard-negative')).toBeGreaterThanOrEqual(100);
    expect(count('genuine')).toBeGreaterThanOrEqual(150);
    expect(count('spam')).toBeGreaterThanOrEqual(150);
    expect(count('personal')).toBeGreaterThanOrEqual(60);
    expect(count('spam')).toBeGreaterThanOrEqual(300);
    expect(count('genuine')).toBeGreaterThanOrEqual(200);
    const spamLanguages = new Set(corpus.filter((entry) => entry.label === 'spam').map((entry) => entry.lang));
    expect([...spamLanguages].sort()).toEqual(['de', 'en', 'es', 'fr', 'pt']);
    const crisisLanguages = new Set(corpus.filter((entry) => entry.label === 'crisis').map((entry) => entry.lang));
    expect([...crisisLanguages].sort()).toEqual(['de', 'en', 'es', 'fr', 'pt']);
    const crisisClasses = new Set(corpus.filter((entry) => entry.label === 'crisis').map((entry) => entry.kind));
    expect([...crisisClasses].sort()).toEqual(['goodbye', 'ideation', 'indirect', 'plan', 'self-harm', 'slang', 'third-party']);
  });
});

describe.each(Object.entries(RUNS))('%s', (_run, standing) => {
  const result = measures(judge(corpus, standing, scores));

  it('marks at least 98% of crisis comments urgent', () => {
    expect(result['crisis marked urgent']).toBeGreaterThanOrEqual(0.98);
  });
  it('auto-approves no crisis, personal-detail or spam comment', () => {
    expect(result['crisis auto-approved']).toBe(0);
    expect(result['personal details auto-approved']).toBe(0);
    expect(result['spam auto-approved']).toBe(0);
  });
  it('marks at most 8% of genuine comments urgent', () => {
    expect(result['genuine marked urgent']).toBeLessThanOrEqual(0.08);
  });
  it('flags at least 95% of comments with personal details', () => {
    expect(result['personal details flagged']).toBeGreaterThanOrEqual(0.95);
  });
  it('marks at least 90% of spam as spam and at most 1% of genuine comments', () => {
    expect(result['spam marked spam']).toBeGreaterThanOrEqual(0.9);
    expect(result['genuine marked spam']).toBeLessThanOrEqual(0.01);
  });
});
