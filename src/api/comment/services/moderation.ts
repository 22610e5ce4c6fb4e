import type { Core } from '@strapi/strapi';
import { contentHash, moderate, type CommentCandidate, type ModerationRules } from '../moderation';
import type { AuthorStanding, Verdict } from '../moderation/decide';

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

  /** `verified`: the request proved the address with a commenter token (only then can a comment be auto-approved). */
  async evaluate(candidate: CommentCandidate, verified = false): Promise<Verdict & { contentHash: string }> {
    const hash = contentHash(candidate.body);
    const history = await this.authorHistory(candidate.authorEmail, hash);
    return { ...moderate(candidate, { ...history, verified }, this.rules()), contentHash: hash };
  },
});
