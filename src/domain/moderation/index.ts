/**
 * Comment moderation as plain TypeScript (no Strapi): a comment and its author's standing go through the phases
 * (`phases/`, in order), every flag and fact is collected (`pipeline.ts`), and the policy decides once
 * (`decide.ts`). The lexicons are data (`data/lexicons`), the learned models live in `models/`.
 */
import { decide, type Verdict } from './decide';
import { type Findings, runPipeline } from './pipeline';
import type { NormalisedText } from './text/normalise';
import type { AuthorStanding, CommentCandidate, ModerationRules, Models } from './types';

export interface Moderation extends Findings {
  verdict: Verdict;
}

/** The phases over one comment, then the decision. */
export const moderate = (candidate: CommentCandidate, standing: AuthorStanding, rules: ModerationRules, models: Models = {}, text?: NormalisedText): Moderation => {
  const findings = runPipeline(candidate, standing, rules, models, text);
  return { ...findings, verdict: decide(findings.flags, standing) };
};

export { decide, type ModerationStatus, type Priority, type Verdict } from './decide';
export { describeFlag, FLAGS, flagInfo, isCrisis, isSpamFlag, type Flag, type FlagInfo, type FlagKind, type Severity } from './flags';
export { runPipeline, type Findings } from './pipeline';
export { PHASES } from './phases';
export type { AuthorStanding, CommentCandidate, DetectedLanguage, Facts, ModerationRules, Models, Phase, PhaseContext, PhaseResult } from './types';
export { contentHash, contentHashOf } from './text/content-hash';
export { findLinks, domainOf } from './text/links';
export { normalise, type NormalisedText } from './text/normalise';
export { detectLanguage } from './text/language';
export { SpamModel, spamTokens, trainModel as trainSpamModel, type SpamLabel, type SpamScore } from './models/spam-model';
export { featuresOf, type Features } from './models/features';
export { DEFAULT_TRAINING, featuresInBackground, RiskModel, type Prepared, type RiskExample, type RiskScore, type TrainingOptions } from './models/risk-model';
export { riskFingerprint, riskLabels, riskModelsCodec, trainRiskModels, type TrainingFeatures, type RiskLabels, type RiskModels, type UrgencyDecision } from './models/risk-models';
export { trainedModelsCache, type TrainedModelsCache } from './models/trained-models-cache';
export { crisisExamples, LABELS, loadCorpus, reviewExamples, spamExamples, type CorpusEntry, type Label } from './models/corpus';
export { LexiconError, lexicons, loadLexicons, useLexiconDirs } from './lexicon';
export { builtInTrustedDomains } from './trusted-domains';
export { checkPracticeReply, type ReplyWarning } from './reply-guard';
