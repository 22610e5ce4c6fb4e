import type { Core } from '@strapi/strapi';
import { contentHash, moderate, type CommentCandidate, type ModerationRules, type SpamScore, type SpamSignals } from '../moderation';
import type { AuthorStanding, Verdict } from '../moderation/decide';
import type { AkismetComment } from './akismet';

export type Evaluation = Verdict & { contentHash: string; spamScore?: SpamScore };

/** The moderation pipeline with its database look-ups (duplicates, the author's history) and config/moderation.ts. */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  rules(): ModerationRules {
    return strapi.config.get('moderation') as ModerationRules;
  },

  /** Both look-ups in one round trip, each stopping at the first match (indexed: content hash; email + status). */
  async authorHistory(authorEmail: string, hash: string): Promise<Omit<AuthorStanding, 'verified'>> {
    const table = strapi.db.metadata.get('api::comment.comment').tableName;
    const result = await strapi.db.connection.raw(
      'SELECT EXISTS (SELECT 1 FROM ?? WHERE content_hash = ?) AS duplicate, ' +
        "EXISTS (SELECT 1 FROM ?? WHERE author_email = ? AND moderation_status = 'approved') AS approved",
      [table, hash, table, authorEmail.trim().toLowerCase()]
    );
    // better-sqlite3 answers an array of rows, pg a result with `rows`; booleans come back as 0/1 or true/false.
    const [row] = (Array.isArray(result) ? result : result.rows) as Array<{ duplicate: unknown; approved: unknown }>;
    return { isDuplicate: Boolean(Number(row.duplicate)), hasApprovedComment: Boolean(Number(row.approved)) };
  },

  /**
   * The same author's comment with the same text in the last day (by email or IP hash): a double submit or a bot
   * repeating itself. The controller answers with that comment and stores nothing new.
   */
  async recentRepeat(body: string, authorEmail: string, ipHash: string): Promise<{ documentId: string; moderationStatus: string; flags: string[] | null } | null> {
    return strapi.db.query('api::comment.comment').findOne({
      where: {
        contentHash: contentHash(body),
        $or: [{ authorEmail: authorEmail.trim().toLowerCase() }, { ipHash }],
        createdAt: { $gt: new Date(Date.now() - 24 * 3600 * 1000) },
      },
      select: ['documentId', 'moderationStatus', 'flags'],
      orderBy: { id: 'asc' },
    });
  },

  /** The learned filter's score; a filter that cannot answer (database trouble) is logged and left out. */
  async learnedScore(text: string): Promise<SpamScore | undefined> {
    try {
      return await strapi.service('api::comment.spam-classifier').score(text);
    } catch (error) {
      strapi.log.error(`Spam classifier unavailable, the rules decide alone: ${(error as Error).message}`);
      return undefined;
    }
  },

  /**
   * `verified`: the request proved the address with a commenter token (only then can a comment be auto-approved).
   * `reader`: who sent it, for Akismet when it is on; asked only when the rules have not already decided spam or
   * urgent (a reader in crisis is not sent to a third party).
   */
  async evaluate(candidate: CommentCandidate, verified = false, reader?: AkismetComment): Promise<Evaluation> {
    const hash = contentHash(candidate.body);
    const history = await this.authorHistory(candidate.authorEmail, hash);
    const standing = { ...history, verified };
    const signals: SpamSignals = { learned: await this.learnedScore(candidate.body) };
    let verdict = moderate(candidate, standing, this.rules(), signals);
    const akismet = strapi.service('api::comment.akismet');
    if (reader && akismet.enabled() && verdict.moderationStatus !== 'spam' && verdict.priority !== 'urgent') {
      signals.akismet = await akismet.isSpam(reader);
      if (signals.akismet) verdict = moderate(candidate, standing, this.rules(), signals);
    }
    return { ...verdict, contentHash: hash, spamScore: signals.learned };
  },
});
