import { createHmac, timingSafeEqual } from 'crypto';

/** The header that carries the signature, as GitHub names its own webhooks' HMAC-SHA256 header. */
export const SIGNATURE_HEADER = 'X-Signature-256';

/** `sha256=<hex HMAC-SHA256 of the exact body>` with the shared secret. */
export const sign = (body: string, secret: string) => `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;

/** What a receiver does: recompute and compare in constant time. */
export const verify = (body: string, secret: string, signature: string | undefined | null) => {
  if (!signature) return false;
  const expected = Buffer.from(sign(body, secret));
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
};
