import { crisisLexicons } from '../lexicons/crisis';
import type { CrisisLexicon } from '../lexicons/types';
import { type NormalisedText, views } from './normalise';
import { compile, compileMask, type Matcher } from './patterns';

/**
 * Crisis language → flags that name the class (`crisis:plan`, `crisis:self-harm`...), read from the lexicons of
 * every language at once (a short comment's language cannot be told reliably). Idioms ("killed it") and pasts the
 * writer says are over are masked first; a match anywhere else is urgent. Recall comes first: a false alarm costs a
 * moderator a minute, a miss can cost a life.
 */

const URGENT_CLASSES = {
  ideation: 'crisis:ideation',
  indirect: 'crisis:indirect',
  plan: 'crisis:plan',
  goodbye: 'crisis:goodbye',
  selfHarm: 'crisis:self-harm',
  thirdParty: 'crisis:third-party',
  slang: 'crisis:slang',
} as const satisfies Partial<Record<keyof CrisisLexicon, string>>;

export type CrisisFlag = 'crisis' | (typeof URGENT_CLASSES)[keyof typeof URGENT_CLASSES] | 'suicide-loss' | 'past-crisis';

const all = (key: keyof CrisisLexicon) => Object.values(crisisLexicons).flatMap((lexicon) => lexicon[key]);

let compiled:
  | { urgent: Array<[CrisisFlag, Matcher]>; means: Matcher; timing: Matcher; loss: Matcher; recovered: Matcher; mask: (text: string) => string }
  | undefined;
const matchers = () =>
  (compiled ??= {
    urgent: Object.entries(URGENT_CLASSES).map(([key, flag]) => [flag, compile(all(key as keyof CrisisLexicon))]),
    means: compile(all('means')),
    timing: compile(all('timing')),
    loss: compile(all('loss')),
    recovered: compile(all('recovered')),
    // Idioms, pasts that are over and losses by suicide are masked: what remains is what the writer lives now.
    mask: compileMask([...all('idioms'), ...all('recovered'), ...all('loss')]),
  });

export interface CrisisFinding {
  flags: CrisisFlag[];
  /** The phrases that raised them, as normalised text (for moderators). */
  matches: string[];
}

export const findCrisis = (text: NormalisedText): CrisisFinding => {
  const { urgent, means, timing, loss, recovered, mask } = matchers();
  const flags = new Set<CrisisFlag>();
  const matches = new Set<string>();
  const note = (flag: CrisisFlag, found: string[]) => {
    if (found.length === 0) return;
    flags.add(flag);
    found.forEach((phrase) => matches.add(phrase));
  };

  for (const view of views(text)) {
    note('past-crisis', recovered.find(view));
    note('suicide-loss', loss.find(view));
    const masked = mask(view);
    for (const [flag, matcher] of urgent) note(flag, matcher.find(masked));
    const [meansFound, timingFound] = [means.find(masked), timing.find(masked)];
    if (meansFound.length > 0 && timingFound.length > 0) note('crisis:plan', [...meansFound, ...timingFound]);
  }
  if ([...flags].some((flag) => flag.startsWith('crisis:'))) flags.add('crisis');
  return { flags: [...flags], matches: [...matches] };
};
