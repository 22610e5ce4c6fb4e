import fs from 'fs';
import path from 'path';
import type { RiskExample } from './risk-model';
import type { SpamLabel } from './spam-model';

/** Labelled comments (data/moderation-corpus/*.jsonl, one JSON object per line): the learned models' prior. */
export const LABELS = ['crisis', 'hard-negative', 'genuine', 'spam', 'personal'] as const;
export type Label = (typeof LABELS)[number];

export interface CorpusEntry {
  text: string;
  label: Label;
  kind: string;
  lang: string;
  /** The file it came from, without `.jsonl` (set by loadCorpus). */
  source?: string;
}

export const loadCorpus = (dir: string): CorpusEntry[] =>
  fs
    .readdirSync(dir)
    .filter((file) => file.endsWith('.jsonl'))
    .sort()
    .flatMap((file) =>
      fs
        .readFileSync(path.join(dir, file), 'utf8')
        .split('\n')
        .filter((line) => line.trim())
        .map((line) => ({ ...(JSON.parse(line) as CorpusEntry), source: file.replace(/\.jsonl$/, '') }))
    );

/** For the spam filter every label but spam is ham: crisis, personal and hard cases are real readers. */
export const spamExamples = (corpus: CorpusEntry[]): Array<{ text: string; label: SpamLabel }> =>
  corpus.map((entry) => ({ text: entry.text, label: entry.label === 'spam' ? 'spam' : 'ham' }));

/** For the crisis model a comment is a crisis or it is not; every other label is a reader not in crisis now. */
export const crisisExamples = (corpus: CorpusEntry[]): RiskExample[] => corpus.map((entry) => ({ text: entry.text, positive: entry.label === 'crisis' }));

/** For the review model a comment needs a person before it is published (crisis, personal details, spam) or not. */
export const reviewExamples = (corpus: CorpusEntry[]): RiskExample[] =>
  corpus.map((entry) => ({ text: entry.text, positive: entry.label === 'crisis' || entry.label === 'personal' || entry.label === 'spam' }));
