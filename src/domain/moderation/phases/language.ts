import { languageFlag } from '../flags';
import { lexicons } from '../lexicon';
import { detectLanguage } from '../text/language';
import type { Phase } from '../types';

/**
 * Languages the rules do not read are never trusted: a comment in one is held with its language named
 * (`language:it`); one whose language cannot be told is held too. The learned crisis model still reads it.
 */
export const languagePhase: Phase = {
  name: 'language',
  run({ candidate }) {
    // The languages with a crisis lexicon: a deployment that adds data/lexicons/crisis/it.yaml covers Italian.
    const language = detectLanguage(candidate.body, Object.keys(lexicons().byKind.crisis));
    if (language.covered) return { facts: { language } };
    return { flags: [language.code === 'und' ? 'language:unknown' : languageFlag(language.code)], facts: { language } };
  },
};
