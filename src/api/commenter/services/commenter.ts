import { randomBytes } from 'crypto';
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { sign, verify, type CommenterClaims, type ConfirmationClaims } from '#app/tokens/reader-tokens';
import { getService } from '#app/utils/services';
import { getConfig } from '#app/utils/config';
import { say } from '#domain/messages';

const COMMENTER = 'api::commenter.commenter';
const HOUR = 3600;

interface CommenterRow {
  id: number;
  email: string;
  verifiedAt: string | null;
  tokenVersion: number;
  confirmationNonce: string | null;
  confirmationSentAt: string | null;
}

const alreadyUsed = () =>
  new errors.ValidationError('This confirmation link was already used or replaced by a newer one.', {
    errors: [{ path: ['token'], message: 'This confirmation link was already used or replaced by a newer one.', name: 'ValidationError', value: undefined }],
  });

/**
 * Commenters prove their address: the first comment sends a confirmation link; confirming it marks the address
 * verified and gives the website a commenter token to send with later comments. Only such a token lets a comment
 * be approved without review.
 */
const service = ({ strapi }: { strapi: Core.Strapi }) => {
  const config = () => getConfig(strapi, 'moderation').verification;
  const rows = () => strapi.db.query(COMMENTER);
  const byEmail = (email: string) => rows().findOne({ where: { email } }) as Promise<CommenterRow | null>;

  return {
    enabled: () => config().enabled,

    /** Emails a confirmation link in `language`, unless one went to this address within `resendMinutes`. Never throws. */
    async requestConfirmation(email: string, language: string | null = null, now = new Date()): Promise<void> {
      const { secret, linkHours, resendMinutes, confirmUrl, siteName } = config();
      try {
        const existing = await byEmail(email);
        const sentAt = existing?.confirmationSentAt ? new Date(existing.confirmationSentAt).getTime() : 0;
        if (existing && now.getTime() - sentAt < resendMinutes * 60_000) return;
        const nonce = randomBytes(16).toString('hex');
        const data = { confirmationNonce: nonce, confirmationSentAt: now };
        if (existing) await rows().update({ where: { id: existing.id }, data });
        else await rows().create({ data: { email, tokenVersion: 0, ...data } });
        const token = sign('confirm-email', { email, nonce }, secret, linkHours * HOUR);
        const link = confirmUrl.replace('{token}', encodeURIComponent(token));
        await getService(strapi, 'plugin::email.email').send({
          to: email,
          subject: say(language, 'email.confirm.subject', { siteName }),
          text: say(language, 'email.confirm.text', { siteName, link, hours: linkHours }),
        });
      } catch (error) {
        strapi.log.error(`Could not send a comment confirmation email: ${(error as Error).message}`);
      }
    },

    /** Confirms an address from a link's token; answers the commenter token the website keeps. */
    async confirm(token: unknown): Promise<{ email: string; commenterToken: string; expiresAt: string }> {
      const { secret, tokenDays } = config();
      const { email, nonce } = verify<ConfirmationClaims>(token, 'confirm-email', secret, 'token', 'confirmation link');
      const existing = await byEmail(email);
      if (!existing || !existing.confirmationNonce || existing.confirmationNonce !== nonce) throw alreadyUsed();
      // One use: the nonce is cleared in the same statement that checks it, so two clicks cannot both succeed.
      const claimed = await rows().updateMany({
        where: { id: existing.id, confirmationNonce: nonce },
        data: { confirmationNonce: null, verifiedAt: existing.verifiedAt ?? new Date() },
      });
      if (claimed.count !== 1) throw alreadyUsed();
      const expiresIn = tokenDays * 24 * HOUR;
      return {
        email,
        commenterToken: sign('commenter', { email, version: existing.tokenVersion }, secret, expiresIn),
        expiresAt: new Date(Date.now() + expiresIn * 1000).toISOString(),
      };
    },

    /** The verified address a commenter token proves, or a 400 naming `commenterToken`. */
    async verifiedEmail(commenterToken: unknown): Promise<string> {
      const { email, version } = verify<CommenterClaims>(commenterToken, 'commenter', config().secret, 'commenterToken', 'commenter token');
      const existing = await byEmail(email);
      if (!existing?.verifiedAt || existing.tokenVersion !== version) {
        throw new errors.ValidationError('This commenter token was revoked.', {
          errors: [{ path: ['commenterToken'], message: 'This commenter token was revoked.', name: 'ValidationError', value: undefined }],
        });
      }
      return email;
    },

    /** The address's token version now (0 for an address that never commented): export and erasure links carry it. */
    async tokenVersion(email: string): Promise<number> {
      return (await byEmail(email))?.tokenVersion ?? 0;
    },

    /** Revokes every commenter token of the address (e.g. "sign out everywhere", or a lost device). */
    async revoke(commenterToken: unknown): Promise<void> {
      const email = await this.verifiedEmail(commenterToken);
      const existing = (await byEmail(email))!;
      // An unused confirmation link must not issue a fresh token after "sign out everywhere" either; unused export and
      // erasure links carry the old version and stop working too.
      await rows().update({ where: { id: existing.id }, data: { tokenVersion: existing.tokenVersion + 1, confirmationNonce: null } });
    },
  };
};

export default service;

declare module '#app/utils/services' {
  interface Services {
    'api::commenter.commenter': ReturnType<typeof service>;
  }
}
