import type { Core } from '@strapi/strapi';
import { readSecret } from '../src/utils/secrets';

/**
 * Comment moderation settings. The word lists are data (data/lexicons, data/trusted-domains.yaml); these are the
 * deployment's switches, thresholds and extra terms. Documented in docs/moderation.md.
 */
const config = ({ env }: Core.Config.Shared.ConfigParams) => {
  // A list from the environment, without the empty entries an empty or trailing-comma value would add.
  const list = (name: string, defaults: string[] = []) =>
    env
      .array(name, defaults)
      .map((item) => item.trim())
      .filter(Boolean);

  return {
    /** Benchmarks only: `false` stores every comment as pending without running the rules (to measure their cost). */
    enabled: env.bool('COMMENT_MODERATION', true),
    /** Longest accepted comment body, in characters. */
    maxBodyLength: env.int('COMMENT_MAX_LENGTH', 5000),
    /** A comment with this many links or more is spam (WordPress holds at 2). One link sends it to review. */
    maxLinks: env.int('COMMENT_MAX_LINKS', 2),
    /** Comments close on articles published longer ago than this (0: never). */
    closeAfterDays: env.int('COMMENTS_CLOSE_AFTER_DAYS', 365),
    /** Spam and rejected comments are deleted this many days after their last change (0: never). */
    purgeAfterDays: env.int('COMMENTS_PURGE_AFTER_DAYS', 30),
    /** Salt for the stored hash of the commenter's IP address (the address itself is never stored). */
    ipHashSalt: readSecret(process.env, 'IP_HASH_SALT'),
    flood: {
      enabled: env.bool('COMMENT_FLOOD_CONTROL', true),
      /** Per IP address and per email address. */
      minIntervalSeconds: env.int('COMMENT_MIN_INTERVAL_SECONDS', 15),
      maxPerHour: env.int('COMMENT_MAX_PER_HOUR', 10),
      /** When set, counts are shared by every instance through Redis; otherwise they are per process. */
      redisUrl: env('REDIS_URL', ''),
      /** Prefix of the Redis keys, so several sites can share one Redis. */
      keyPrefix: env('COMMENT_FLOOD_KEY_PREFIX', 'counseling'),
      /** Reports of comments, per IP hash (and per address when a commenter token is sent). */
      reportsPerHour: env.int('READER_REPORTS_PER_HOUR', 20),
      /** Data export and erasure requests, per address and per IP hash. */
      dataRequestsPerHour: env.int('READER_DATA_REQUESTS_PER_HOUR', 5),
      /** "Ask about this group" inquiries, per IP hash (config/inquiries.ts). */
      inquiriesPerHour: env.int('INQUIRIES_PER_HOUR', 5),
    },
    notify: {
      /** Who is emailed when a comment is marked urgent (crisis language). */
      moderatorEmails: list('MODERATOR_EMAILS'),
      adminUrl: env('PUBLIC_URL', 'http://localhost:1337'),
      /** An urgent comment still pending after this many minutes is escalated: a second email to `escalationEmails`. */
      escalateAfterMinutes: env.int('URGENT_ESCALATE_AFTER_MINUTES', 30),
      /** Who gets the escalation (default: the moderators again). */
      escalationEmails: list('URGENT_ESCALATION_EMAILS', list('MODERATOR_EMAILS')),
    },
    /** Commenters confirm their address; only a confirmed address with an approved comment is ever auto-approved. */
    verification: {
      enabled: env.bool('COMMENT_EMAIL_VERIFICATION', true),
      secret: readSecret(process.env, 'COMMENTER_TOKEN_SECRET'),
      /** The confirmation link expires after this many hours, and works once. */
      linkHours: env.int('COMMENT_VERIFICATION_LINK_HOURS', 48),
      /** Commenter tokens expire after this many days (revocable before). */
      tokenDays: env.int('COMMENTER_TOKEN_DAYS', 365),
      /** At most one confirmation email per address in this many minutes. */
      resendMinutes: env.int('COMMENT_VERIFICATION_RESEND_MINUTES', 60),
      /** The link in the email; `{token}` is replaced. Point it at the website's page that POSTs the token. */
      confirmUrl: env('COMMENT_CONFIRM_URL', `${env('PUBLIC_URL', 'http://localhost:1337')}/api/commenters/confirm?token={token}`),
      siteName: env('ORGANIZER_NAME', 'Counseling Practice'),
    },
    /** The learning filter (naive Bayes): trained on the labelled corpus, then on every moderator decision. */
    classifier: {
      enabled: env.bool('SPAM_CLASSIFIER', true),
      /** At or above this probability the learned filter marks a comment spam (`spam:learned`). */
      spamThreshold: env.float('SPAM_CLASSIFIER_THRESHOLD', 0.99),
      /** At or above this it holds the comment for review (`spam-likely`); below, it changes nothing. */
      reviewThreshold: env.float('SPAM_CLASSIFIER_REVIEW_THRESHOLD', 0.5),
      /** How many times a moderator's spam / not-spam decision counts against one corpus comment. */
      decisionWeight: env.int('SPAM_CLASSIFIER_DECISION_WEIGHT', 3),
      /** The labelled comments both learned models start from (directory of .jsonl files, relative to the app). */
      priorCorpus: env('SPAM_CLASSIFIER_PRIOR', 'data/moderation-corpus'),
    },
    /** Akismet, off unless a key is set: the reader's IP address, user agent, name, email and text leave the practice. */
    akismet: {
      apiKey: env('AKISMET_API_KEY', ''),
      /** The site Akismet knows the key for. */
      site: env('AKISMET_SITE_URL', env('PUBLIC_URL', 'http://localhost:1337')),
      /** Another endpoint speaking Akismet's protocol (tests use a local one); empty: Akismet's own. */
      endpoint: env('AKISMET_ENDPOINT', ''),
      /** A slower answer is ignored and the local rules decide alone. */
      timeoutMs: env.int('AKISMET_TIMEOUT_MS', 2000),
    },
    /** Extra spam and suspect terms (the built-in lists are in data/lexicons/spam/*.yaml). */
    blockedTerms: list('COMMENT_BLOCKED_TERMS'),
    suspectTerms: list('COMMENT_SUSPECT_TERMS'),
    /** Extra crisis patterns, in the lexicons' syntax, urgent like the lexicons' own (data/lexicons/crisis/*.yaml). */
    crisisTerms: list('COMMENT_CRISIS_TERMS'),
    /** Folders of extra lexicon files (same layout as data/lexicons), read after the built-in ones: no rebuild needed. */
    lexiconDirs: list('LEXICON_DIRS'),
    /** Helplines and health authorities besides data/trusted-domains.yaml: a link to one never makes a comment spam. */
    trustedDomains: list('COMMENT_TRUSTED_DOMAINS').map((domain) => domain.toLowerCase()),
    /** The learned crisis-risk model: trained on the labelled corpus, then on moderators' urgent/not-urgent decisions. */
    crisisModel: {
      enabled: env.bool('CRISIS_MODEL', true),
      /** At or above this risk a comment is urgent (`crisis:model`), whatever the lexicons found. */
      urgentThreshold: env.float('CRISIS_MODEL_URGENT_THRESHOLD', 0.374),
      /** Only below this risk may a verified returning author's comment be published without review. */
      approveBelow: env.float('CRISIS_MODEL_APPROVE_BELOW', 0.05),
      /** ...and only below this review risk (the second learned model: crisis, personal details or spam). */
      reviewBelow: env.float('REVIEW_MODEL_APPROVE_BELOW', 0.0068),
      /** How many times a moderator's decision counts against one corpus comment when the model is retrained. */
      decisionWeight: env.int('CRISIS_MODEL_DECISION_WEIGHT', 5),
      /**
       * Trained models kept on disk by the fingerprint of what they learned from, so a process starting on an empty
       * database reads what another already trained on this machine (relative to the app; empty: none).
       */
      cacheDir: env('CRISIS_MODEL_CACHE_DIR', '.tmp/trained-models'),
    },
    /** Regions whose national phone number formats are recognised in comments (ISO 3166 codes). */
    phoneRegions: list('COMMENT_PHONE_REGIONS', [
      'US', 'CA', 'GB', 'IE', 'AU', 'NZ', 'MX', 'ES', 'AR', 'CO', 'CL', 'PE', 'BR', 'PT', 'FR', 'BE', 'CH', 'DE', 'AT', 'IT',
      'NL', 'PL', 'PH', 'TR', 'IN', 'RU', 'UA', 'RO', 'GR', 'SE', 'CZ', 'HU', 'IL', 'JP', 'KR', 'CN', 'VN', 'ID', 'ZA', 'NG',
    ]),
    /** Known spam sources: whole email addresses or domains (in the author's email or in a link). */
    spamEmails: list('COMMENT_SPAM_EMAILS'),
    spamDomains: list('COMMENT_SPAM_DOMAINS', ['spam.example', 'cheap-meds.example']),
  };
};

export type ModerationConfig = ReturnType<typeof config>;

export default config;
