import type { Phase } from '../types';

/**
 * The learned crisis risk (facts.crisisRisk, shown to moderators with the words behind it), in every language.
 * At or above the urgent threshold it makes the comment urgent like the lexicons; above the low threshold it holds
 * it; a comment it could not score is held (no score is no evidence).
 */
export const crisisModelPhase: Phase = {
  name: 'crisis-model',
  run({ models, text, rules }) {
    const crisisRisk = models.crisis?.(text);
    if (!crisisRisk) return { flags: ['crisis-risk:unscored'] };
    const { urgentThreshold, approveBelow } = rules.crisisModel;
    if (crisisRisk.score >= urgentThreshold) return { flags: ['crisis:model'], facts: { crisisRisk } };
    return { flags: crisisRisk.score >= approveBelow ? ['crisis-risk'] : [], facts: { crisisRisk } };
  },
};
