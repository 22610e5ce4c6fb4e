import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { CrisisSupport } from '#domain/care';
import { checkPracticeReply } from '#domain/moderation';
import { say } from '#domain/messages';
import { getConfig } from '#app/utils/config';
import { supportFor } from '#app/utils/support';
import { getService } from '#app/utils/services';

/**
 * The practice speaking: a public reply in a reader's thread, and a private email with crisis resources to a reader
 * whose comment is urgent. Both are recorded in the comment's audit trail.
 */
const COMMENT = 'api::comment.comment';

interface Target {
  documentId: string;
  authorName: string;
  authorEmail: string;
  moderationStatus: string;
  priority: string;
  language: string | null;
  article: { documentId: string; locale?: string | null } | null;
}

/**
 * The resources email: plain text, warm, no repetition of what the reader wrote (Safe Messaging Guidelines), in
 * the language of the support it lists (data/messages/<language>.yaml).
 */
export const resourcesEmail = (readerName: string, practiceName: string, support: CrisisSupport) => {
  const language = support.language;
  const resource = (entry: CrisisSupport['resources'][number]) =>
    [`• ${entry.name}: ${entry.description}`, entry.phone ? `  ${say(language, 'email.resources.call', { phone: entry.phone })}` : '', entry.url ? `  ${entry.url}` : '']
      .filter(Boolean)
      .join('\n');
  const text = say(language, 'email.resources.text', {
    name: readerName,
    practiceName,
    resources: support.resources.map(resource).join('\n'),
    emergency: support.emergency.description,
  });
  return { subject: say(language, 'email.resources.subject', { practiceName }), text };
};

const service = ({ strapi }: { strapi: Core.Strapi }) => {
  const config = (key: string) => strapi.plugin('moderation').config(key) as string;

  const target = async (documentId: string): Promise<Target> => {
    const comment = (await strapi.db.query(COMMENT).findOne({
      where: { documentId },
      select: ['documentId', 'authorName', 'authorEmail', 'moderationStatus', 'priority', 'language'],
      populate: { article: { select: ['documentId', 'locale'] } },
    })) as Target | null;
    if (!comment) throw new errors.NotFoundError('No such comment.');
    return comment;
  };

  return {
    /**
     * A reply as the practice under `documentId`. The reply goes through the moderation pipeline like any text
     * (crisis language in it is held as urgent); otherwise it is published at once and marked as the practice's.
     * A waiting comment is approved by the reply (recorded); an urgent one is answered privately, not in public.
     * Wording that would confirm the reader is a client, or personal details, stop the reply with a warning unless
     * the moderator sends it again with `confirmDisclosure` (recorded in the audit trail).
     */
    async reply(documentId: string, body: string, actor: string, confirmDisclosure = false) {
      const parent = await target(documentId);
      const warnings = checkPracticeReply(body, getConfig(strapi, 'moderation').phoneRegions);
      if (warnings.length > 0 && !confirmDisclosure) {
        throw new errors.ValidationError(`${warnings.map((warning) => warning.message).join(' ')} Edit it, or send it again with confirmDisclosure to publish it as it is.`, {
          errors: [{ path: ['body'], message: warnings[0].message, name: 'ValidationError', value: undefined }],
          warnings,
        });
      }
      if (parent.priority === 'urgent' && parent.moderationStatus === 'pending') {
        throw new errors.ValidationError('An urgent comment is answered privately: send the resources email instead.', { field: 'documentId' });
      }
      if (parent.moderationStatus === 'spam' || parent.moderationStatus === 'rejected') {
        throw new errors.ValidationError(`A ${parent.moderationStatus} comment cannot be answered in public.`, { field: 'documentId' });
      }
      const decisions = getService(strapi, 'plugin::moderation.decisions');
      if (parent.moderationStatus === 'pending') await decisions.decide([documentId], 'approved', actor);

      const reply = await strapi.documents(COMMENT).create({
        data: {
          // The version (locale) the reader's comment is on: the reply joins that thread.
          article: parent.article ? { documentId: parent.article.documentId, ...(parent.article.locale ? { locale: parent.article.locale } : {}) } : undefined,
          parent: documentId,
          authorName: config('practiceName'),
          authorEmail: config('practiceEmail'),
          body,
          fromPractice: true,
          moderationStatus: 'pending',
          priority: 'normal',
        } as never,
      });
      const stored = (await strapi.db.query(COMMENT).findOne({ where: { documentId: reply.documentId }, select: ['documentId', 'moderationStatus', 'priority', 'byPractice'] })) as {
        documentId: string;
        moderationStatus: string;
        priority: string;
      };
      const override = warnings.length > 0 ? `; sent despite: ${warnings.map((warning) => warning.kind).join(', ')}` : '';
      await decisions.record([{ commentDocumentId: documentId, action: 'reply', actor, detail: `reply ${stored.documentId} (${stored.moderationStatus})${override}` }]);
      return stored;
    },

    /** The crisis resources, privately, to the author of an urgent comment (through the email plugin). */
    async sendResources(documentId: string, actor: string) {
      const comment = await target(documentId);
      if (comment.priority !== 'urgent') throw new errors.ValidationError('Resources are sent for urgent comments.', { field: 'documentId' });
      const support = supportFor(strapi, comment.language);
      const email = resourcesEmail(comment.authorName, config('practiceName'), support);
      await getService(strapi, 'plugin::email.email').send({ to: comment.authorEmail, ...email });
      await getService(strapi, 'plugin::moderation.decisions').record([{ commentDocumentId: documentId, action: 'resources-email', actor, detail: 'crisis resources emailed' }]);
      return { sent: true };
    },
  };
};

export default service;

declare module '#app/utils/services' {
  interface Services {
    'plugin::moderation.practice': ReturnType<typeof service>;
  }
}
