import { isSpamFlag } from '../flags';
import type { Flag, Phase } from '../types';

/**
 * The learned spam filter's score (facts.spamScore, shown to moderators). It names spam only where the rules have
 * not already called it spam; a score in doubt holds the comment, and no score is no evidence (held too).
 */
export const learnedSpamPhase: Phase = {
  name: 'learned-spam',
  run({ models, text, facts, flags, rules }) {
    const spamScore = models.spam?.(text, facts.links);
    const named: Flag[] = [];
    if ([...flags].some(isSpamFlag)) return { facts: { spamScore } };
    const probability = spamScore?.probability;
    if (probability === undefined || probability >= rules.classifier.reviewThreshold) named.push(probability !== undefined && probability >= rules.classifier.spamThreshold ? 'spam:learned' : 'spam-likely');
    return { flags: named, facts: { spamScore } };
  },
};
