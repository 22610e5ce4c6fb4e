import { sensitiveLexicons } from '../lexicons/sensitive';
import type { SensitiveLexicon } from '../lexicons/types';
import { type NormalisedText, views } from './normalise';
import { compile, type Matcher } from './patterns';

/** Sensitive topics (death, harm, medication and doses, diagnoses): never auto-approved, never urgent on their own. */

const TOPICS = ['death', 'harm', 'medication', 'diagnosis'] as const satisfies ReadonlyArray<keyof SensitiveLexicon>;
export type SensitiveFlag = `sensitive:${(typeof TOPICS)[number]}`;

let compiled: Array<[SensitiveFlag, Matcher]> | undefined;
const matchers = () =>
  (compiled ??= TOPICS.map((topic) => [`sensitive:${topic}`, compile(Object.values(sensitiveLexicons).flatMap((lexicon) => lexicon[topic]))]));

export const findSensitiveTopics = (text: NormalisedText): SensitiveFlag[] =>
  matchers()
    .filter(([, matcher]) => views(text).some((view) => matcher.find(view).length > 0))
    .map(([flag]) => flag);
