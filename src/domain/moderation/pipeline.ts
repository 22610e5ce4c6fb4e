import { type Flag, severityOf } from './flags';
import { PHASES } from './phases';
import { normalise, type NormalisedText } from './text/normalise';
import type { AuthorStanding, CommentCandidate, Facts, ModerationRules, Models, Phase, PhaseContext } from './types';

export interface Findings {
  flags: Flag[];
  facts: Facts;
  /** The comment as the phases read it. */
  text: NormalisedText;
}

/**
 * Runs every phase in order over one normalised text and collects all their flags and facts. Nothing is decided
 * here: a crisis is never hidden behind an earlier spam verdict, because `decide` sees every flag at once.
 */
export const runPipeline = (
  candidate: CommentCandidate,
  standing: AuthorStanding,
  rules: ModerationRules,
  models: Models = {},
  text: NormalisedText = normalise(candidate.body),
  phases: readonly Phase[] = PHASES
): Findings => {
  const flags = new Set<Flag>();
  const facts: Facts = { links: [], untrustedLinks: [], crisisMatches: [] };
  for (const phase of phases) {
    const context: PhaseContext = { candidate, standing, rules, models, text, flags, facts };
    const result = phase.run(context);
    result.flags?.forEach((flag) => flags.add(flag));
    Object.assign(facts, result.facts);
  }
  // The umbrella flag the inbox, the answer and older stored comments read: any urgent crisis class.
  if ([...flags].some((flag) => flag !== 'crisis' && flag.startsWith('crisis') && severityOf(flag) === 'urgent')) flags.add('crisis');
  return { flags: [...flags], facts, text };
};
