import type { Core } from '@strapi/strapi';
import { contentHash, contentHashOf, decide, moderate, normalise, spamTokens, type CommentCandidate, type Facts, type Models, type Verdict } from '#domain/moderation';
import { getConfig } from '#app/utils/config';
import type { AkismetComment } from './akismet';
import { getService } from '#app/utils/services';

export type Evaluation = { verdict: Verdict; facts: Facts; contentHash: string };

/**
 * The moderation pipeline (#domain/moderation) with what it needs from Strapi: the author's history, the shared
 * learned models, config/moderation.ts, and Akismet after the rules when it is on. The comment is normalised once.
 */
const service = ({ strapi }: { strapi: Core.Strapi }) => ({
  /** Both look-ups in one round trip, each stopping at the first match (indexed: content hash; email + status). */
  async authorHistory(authorEmail: string, hash: string): Promise<{ isDuplicate: boolean; hasApprovedComment: boolean }> {
    const table = strapi.db.metadata.get('api::comment.comment').tableName;
    const result = await strapi.db.connection.raw(
      'SELECT EXISTS (SELECT 1 FROM ?? WHERE content_hash = ?) AS duplicate, ' +
        "EXISTS (SELECT 1 FROM ?? WHERE author_email = ? AND moderation_status = 'approved') AS approved",
      [table, hash, table, authorEmail]
    );
    // better-sqlite3 answers an array of rows, pg a result with `rows`; booleans come back as 0/1 or true/false.
    const [row] = (Array.isArray(result) ? result : result.rows) as Array<{ duplicate: unknown; approved: unknown }>;
    return { isDuplicate: Boolean(Number(row.duplicate)), hasApprovedComment: Boolean(Number(row.approved)) };
  },

  /**
   * The same comment again within a day (a double submit, a retry): same text from the same connection (IP hash)
   * or from the same confirmed address. Never another reader's comment: the answer carries its id and status.
   */
  async recentRepeat(body: string, ipHash: string, verifiedEmail: string | null): Promise<{ documentId: string; moderationStatus: string; flags: string[] | null; language: string | null } | null> {
    return strapi.db.query('api::comment.comment').findOne({
      where: {
        contentHash: contentHash(body),
        $or: [{ ipHash }, ...(verifiedEmail ? [{ authorEmail: verifiedEmail }] : [])],
        createdAt: { $gt: new Date(Date.now() - 24 * 3600 * 1000) },
      },
      select: ['documentId', 'moderationStatus', 'flags', 'language'],
      orderBy: { id: 'asc' },
    });
  },

  /** The learned models as the pipeline reads them; one that cannot answer (database trouble) is left out and logged. */
  async models(): Promise<Models> {
    const models: Models = {};
    try {
      if (getConfig(strapi, 'moderation').classifier.enabled) {
        const spam = await getService(strapi, 'api::comment.spam-classifier').current();
        models.spam = (text, links) => spam.score(spamTokens(text, links));
      }
    } catch (error) {
      strapi.log.error(`Spam classifier unavailable, comments are held for review: ${(error as Error).message}`);
    }
    try {
      Object.assign(models, await getService(strapi, 'api::comment.crisis-model').scorers());
    } catch (error) {
      strapi.log.error(`Crisis model unavailable, comments are held for review: ${(error as Error).message}`);
    }
    return models;
  },

  /**
   * `verified`: the request proved the address with a commenter token (only then can a comment be auto-approved).
   * `reader`: who sent it, for Akismet when it is on; asked only when the rules have not already decided spam or
   * urgent (a reader in crisis is not sent to a third party).
   */
  async evaluate(candidate: CommentCandidate, verified = false, reader?: AkismetComment): Promise<Evaluation> {
    const text = normalise(candidate.body);
    const hash = contentHashOf(text);
    const history = candidate.authorEmail ? await this.authorHistory(candidate.authorEmail, hash) : { isDuplicate: false, hasApprovedComment: false };
    const standing = { ...history, verified };
    const { verdict, facts } = moderate(candidate, standing, getConfig(strapi, 'moderation'), await this.models(), text);
    const akismet = getService(strapi, 'api::comment.akismet');
    if (reader && akismet.enabled() && verdict.moderationStatus !== 'spam' && verdict.priority !== 'urgent' && (await akismet.isSpam(reader))) {
      return { verdict: decide([...verdict.flags, 'spam:akismet'], standing), facts, contentHash: hash };
    }
    return { verdict, facts, contentHash: hash };
  },
});

export default service;

declare module '#app/utils/services' {
  interface Services {
    'api::comment.moderation': ReturnType<typeof service>;
  }
}
