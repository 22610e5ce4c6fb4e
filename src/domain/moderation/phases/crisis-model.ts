import type { Flag, Phase } from '../types';

/**
 * The learned risks, in every language (facts.crisisRisk and facts.reviewRisk, shown to moderators with the words
 * behind them). Crisis risk at or above the urgent threshold makes the comment urgent like the lexicons; above the
 * low threshold it holds it. Review risk (crisis, personal details or spam, as the labelled comments taught it)
 * above its threshold holds it too. A comment a model could not score is held: no score is no evidence.
 */
export const crisisModelPhase: Phase = {
  name: 'learned-risk',
  run({ models, text, rules }) {
    const { urgentThreshold, approveBelow, reviewBelow } = rules.crisisModel;
    const [crisisRisk, reviewRisk] = [models.crisis?.(text), models.review?.(text)];
    const flags: Flag[] = [];
    if (!crisisRisk || !reviewRisk) flags.push('crisis-risk:unscored');
    if (crisisRisk && crisisRisk.score >= urgentThreshold) flags.push('crisis:model');
    else if (crisisRisk && crisisRisk.score >= approveBelow) flags.push('crisis-risk');
    if (reviewRisk && reviewRisk.score >= reviewBelow) flags.push('review-risk');
    return { flags, facts: { crisisRisk, reviewRisk } };
  },
};
