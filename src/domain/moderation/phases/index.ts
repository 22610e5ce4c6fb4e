import type { Phase } from '../types';
import { crisisLexiconPhase } from './crisis-lexicon';
import { crisisModelPhase } from './crisis-model';
import { duplicatePhase } from './duplicate';
import { honeypotPhase } from './honeypot';
import { languagePhase } from './language';
import { learnedSpamPhase } from './learned-spam';
import { linksPhase } from './links';
import { personalDetailsPhase } from './personal-details';
import { sensitivePhase } from './sensitive';
import { spamRulesPhase } from './spam-rules';

/**
 * The moderation phases, in order. Each reads the comment (normalised once) and what the phases before it found,
 * and names flags and facts; none decides. Links come first (later phases read them); the learned spam filter
 * names spam only where the rules have not; every phase runs, so crisis language is always found.
 */
export const PHASES: readonly Phase[] = [
  linksPhase,
  honeypotPhase,
  spamRulesPhase,
  duplicatePhase,
  learnedSpamPhase,
  personalDetailsPhase,
  sensitivePhase,
  languagePhase,
  crisisLexiconPhase,
  crisisModelPhase,
];
