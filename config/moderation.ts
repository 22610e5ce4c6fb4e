import type { Core } from '@strapi/strapi';
import { readSecret } from '../src/utils/secrets';

/**
 * Comment moderation. Term lists match whole words or phrases, case- and accent-insensitively, also through
 * simple character swaps ("fr33" → "free"). Documented in the README.
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
    },
    notify: {
      /** Who is emailed when a comment is marked urgent (crisis language). */
      moderatorEmails: list('MODERATOR_EMAILS'),
      adminUrl: env('PUBLIC_URL', 'http://localhost:1337'),
    },
    /** Spam: any of these terms. */
    blockedTerms: [
      'viagra',
      'cialis',
      'casino',
      'online casino',
      'betting',
      'porn',
      'escort',
      'payday loan',
      'crypto signals',
      'bitcoin investment',
      'forex signals',
      'seo services',
      'backlinks',
      'buy followers',
      'replica watches',
      'weight loss pills',
      'work from home and earn',
      ...list('COMMENT_BLOCKED_TERMS'),
    ],
    /** Review: any of these terms. */
    suspectTerms: [
      'click here',
      'free trial',
      'discount',
      'promo code',
      'limited offer',
      'whatsapp',
      'telegram',
      'dm me',
      'check out my',
      'visit my',
      'my website',
      'earn money',
      'investment',
      ...list('COMMENT_SUSPECT_TERMS'),
    ],
    /** Generic praise words; with nothing specific in the comment they mark the bot comments of the seed article. */
    praiseTerms: [
      'great',
      'insightful',
      'informative',
      'nice',
      'awesome',
      'excellent',
      'amazing',
      'helpful',
      'useful',
      'valuable',
      'wonderful',
      'fantastic',
      'brilliant',
      'superb',
      'outstanding',
      'comprehensive',
      'highlights',
      'well written',
      'thanks for sharing',
      'thank you for sharing',
      'keep it up',
      'keep up the good work',
      'good post',
    ],
    /**
     * Crisis language (regular expressions over the normalised, lower-case text). A match holds the comment for
     * review with priority "urgent" and notifies the moderators; it is never approved automatically.
     */
    crisisPatterns: [
      String.raw`\bsuicid(e|al)\b`,
      String.raw`\bkill(ing)? myself\b`,
      String.raw`\b(end|ending|take|taking) my (own )?life\b`,
      String.raw`\bself[- ]?harm(ing)?\b`,
      String.raw`\b(cut|cutting|hurt|hurting|harm|harming) myself\b`,
      String.raw`\b(want|wanted|going) to die\b`,
      String.raw`\b(wish i (was|were) dead|better off dead|better off without me)\b`,
      String.raw`\bno (reason|point) (to|in) (live|living|going on)\b`,
      String.raw`\bdon'?t want to (live|be alive|wake up)( anymore)?\b`,
      String.raw`\bcan'?t go on\b`,
      String.raw`\b(saved|saving|stockpiled|stockpiling|hoarded|hoarding|collected|collecting) (up )?(all )?(of )?(my )?(pills|meds|medication|tablets|sleeping pills)\b`,
      String.raw`\boverdos(e|ing)\b`,
      ...list('COMMENT_CRISIS_PATTERNS'),
    ],
    /** Known spam sources: whole email addresses or domains (in the author's email or in a link). */
    spamEmails: list('COMMENT_SPAM_EMAILS'),
    spamDomains: list('COMMENT_SPAM_DOMAINS', ['spam.example', 'cheap-meds.example']),
  };
};

export default config;
