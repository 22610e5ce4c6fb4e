import type { CountryCode } from 'libphonenumber-js';
import type { Flag } from './flags';
import type { SpamScore } from './models/spam-model';
import type { RiskScore } from './models/risk-model';
import type { NormalisedText } from './text/normalise';

/** What a comment is judged on; the text is the stored plain text, `markup` the input as sent (for links). */
export interface CommentCandidate {
  body: string;
  authorEmail: string;
  /** A form field people never see; bots fill it in. */
  honeypot?: string;
  /** The article's title: generic praise restates it. */
  articleTitle?: string;
  /** The input as sent, markup included: links are collected from it before the markup is removed. */
  markup?: string;
}

export interface AuthorStanding {
  /** An earlier comment (by someone else) has the same normalised text. */
  isDuplicate: boolean;
  /** The request carried a valid commenter token: the address was confirmed by its owner. */
  verified: boolean;
  /** The (verified) address already has an approved comment. */
  hasApprovedComment: boolean;
}

/** The deployment's settings (config/moderation.ts); word lists live in the lexicon files. */
export interface ModerationRules {
  maxLinks: number;
  /** Extra spam terms, suspect terms and crisis patterns from the environment (lexicon syntax). */
  blockedTerms: string[];
  suspectTerms: string[];
  crisisTerms: string[];
  /** Regions whose national phone formats are recognised (ISO 3166 codes). */
  phoneRegions: string[];
  /** Known spam sources: whole email addresses or domains (in the author's email or in a link). */
  spamEmails: string[];
  spamDomains: string[];
  /** Helplines and health authorities besides data/trusted-domains.yaml: a link to one never makes a comment spam or holds it. */
  trustedDomains: string[];
  classifier: { spamThreshold: number; reviewThreshold: number };
  /**
   * The learned risks: urgent at or above `urgentThreshold` of crisis risk; published without review only below
   * `approveBelow` of crisis risk and below `reviewBelow` of review risk.
   */
  crisisModel: { urgentThreshold: number; approveBelow: number; reviewBelow: number };
}

/** The learned models, as functions of the normalised text (absent: not available, which holds the comment). */
export interface Models {
  spam?: (text: NormalisedText, links: string[]) => SpamScore;
  /** The learned crisis risk: must a person read it first? */
  crisis?: (text: NormalisedText) => RiskScore;
  /** The learned review risk: crisis, personal details or spam, not to be published unseen? */
  review?: (text: NormalisedText) => RiskScore;
}

export interface DetectedLanguage {
  /** ISO 639-1 code, or `und` when it cannot be told. */
  code: string;
  /** The detector's confidence, 0–1. */
  confidence: number;
  covered: boolean;
}

/** What the phases learned besides flags: stored with the comment and shown to moderators. */
export interface Facts {
  links: string[];
  /** The links that are not to a trusted helpline or health authority. */
  untrustedLinks: string[];
  spamScore?: SpamScore;
  crisisRisk?: RiskScore;
  reviewRisk?: RiskScore;
  language?: DetectedLanguage;
  /** Phrases the crisis lexicons matched, as normalised text. */
  crisisMatches: string[];
}

export interface PhaseContext {
  readonly candidate: CommentCandidate;
  readonly standing: AuthorStanding;
  readonly rules: ModerationRules;
  readonly models: Models;
  /** The comment normalised once, for every phase. */
  readonly text: NormalisedText;
  /** Flags and facts of the phases before this one. */
  readonly flags: ReadonlySet<Flag>;
  readonly facts: Readonly<Facts>;
}

export interface PhaseResult {
  flags?: Flag[];
  facts?: Partial<Facts>;
}

/** One step of the pipeline: reads the context, names what it found. Pure and synchronous. */
export interface Phase {
  name: string;
  run(context: PhaseContext): PhaseResult;
}

export type { CountryCode, Flag };
