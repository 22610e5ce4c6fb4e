import { hasMatch, listMatcher } from '../lexicon/compiled';
import type { Flag, Phase } from '../types';

/** Sensitive topics (death, harm, medication and doses, diagnoses): never auto-approved, never urgent on their own. */
const TOPICS = ['death', 'harm', 'medication', 'diagnosis'] as const;

export const sensitivePhase: Phase = {
  name: 'sensitive',
  run: ({ text }) => ({ flags: TOPICS.filter((topic) => hasMatch(text, listMatcher('sensitive', topic))).map((topic): Flag => `sensitive:${topic}`) }),
};
