import { listMatcher, termsMatcher } from '../lexicon/compiled';
import type { Matcher } from '../lexicon/matcher';
import { views } from '../text/normalise';
import type { Flag, Phase } from '../types';

/**
 * Crisis language from the lexicons of every language at once (a short comment's language cannot be told
 * reliably), as flags that name the class (`crisis:plan`, `crisis:self-harm`...). Idioms ("killed it") and pasts
 * the writer says are over are masked first; a match anywhere else is urgent. Recall comes first: a false alarm
 * costs a moderator a minute, a miss can cost a life. The learned model (`crisis-model.ts`) reads what no list has.
 */
const URGENT_CLASSES = {
  ideation: 'crisis:ideation',
  indirect: 'crisis:indirect',
  plan: 'crisis:plan',
  goodbye: 'crisis:goodbye',
  selfHarm: 'crisis:self-harm',
  thirdParty: 'crisis:third-party',
  slang: 'crisis:slang',
} as const satisfies Record<string, Flag>;

const crisis = (list: string) => listMatcher('crisis', list);
/** Idioms, pasts that are over and losses by suicide are masked: what remains is what the writer lives now. */
const mask = (): Matcher => listMatcher('crisis', 'idioms', 'recovered', 'loss');

export const crisisLexiconPhase: Phase = {
  name: 'crisis-lexicon',
  run({ text, rules }) {
    const flags = new Set<Flag>();
    const matches = new Set<string>();
    const note = (flag: Flag, found: string[]) => {
      if (found.length === 0) return;
      flags.add(flag);
      found.forEach((phrase) => matches.add(phrase));
    };
    const extra = rules.crisisTerms.length > 0 ? termsMatcher(rules.crisisTerms) : undefined;
    for (const view of views(text)) {
      note('past-crisis', crisis('recovered').find(view));
      note('suicide-loss', crisis('loss').find(view));
      const masked = mask().mask(view);
      for (const [list, flag] of Object.entries(URGENT_CLASSES)) note(flag, crisis(list).find(masked));
      const [means, timing] = [crisis('means').find(masked), crisis('timing').find(masked)];
      if (means.length > 0 && timing.length > 0) note('crisis:plan', [...means, ...timing]);
      if (extra) note('crisis:ideation', extra.find(masked));
    }
    return { flags: [...flags], facts: { crisisMatches: [...matches] } };
  },
};
