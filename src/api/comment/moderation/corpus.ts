import fs from 'fs';
import path from 'path';
import type { SpamLabel } from './classifier';

/** The team's labelled comments (tests/fixtures/moderation-corpus/*.jsonl, one JSON object per line). */
export const LABELS = ['crisis', 'hard-negative', 'genuine', 'spam', 'personal'] as const;
export type Label = (typeof LABELS)[number];

export interface CorpusEntry {
  text: string;
  label: Label;
  kind: string;
  lang: string;
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
        .map((line) => JSON.parse(line) as CorpusEntry)
    );

/** For the spam filter every label but spam is ham: crisis, personal and hard cases are real readers. */
export const spamExamples = (corpus: CorpusEntry[]): Array<{ text: string; label: SpamLabel }> =>
  corpus.map((entry) => ({ text: entry.text, label: entry.label === 'spam' ? 'spam' : 'ham' }));
