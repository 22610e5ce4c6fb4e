import jwt from 'jsonwebtoken';
import { errors } from '@strapi/utils';

/**
 * Readers' signed tokens (HS256 with COMMENTER_TOKEN_SECRET), used by api::commenter and api::data-request:
 * - a confirmation token, in the link emailed to a new commenter: one use (its nonce), expires in hours;
 * - a commenter token, given to the website once the address is confirmed: long-lived, revoked by bumping the
 *   commenter's `tokenVersion`;
 * - an unsubscribe token (one comment's reply notifications), an export and an erasure token (readers' own data).
 */
type Purpose = 'confirm-email' | 'commenter' | 'unsubscribe' | 'export' | 'erase';

export interface ConfirmationClaims {
  email: string;
  nonce: string;
}

/** Reply notifications of one comment. */
export interface UnsubscribeClaims {
  email: string;
  comment: string;
}

/**
 * An export or erasure asked for at `iat` (seconds), logged as data request `request`, while the address's
 * commenter tokens were at `version` ("sign out everywhere" moves it on and so voids the link).
 */
export interface DataClaims {
  email: string;
  request: number;
  version?: number;
  iat: number;
}

export interface CommenterClaims {
  email: string;
  version: number;
}

const fieldError = (path: string, message: string) =>
  new errors.ValidationError(message, { errors: [{ path: [path], message, name: 'ValidationError', value: undefined }] });

export const sign = (purpose: Purpose, claims: Record<string, unknown>, secret: string, expiresInSeconds: number) =>
  jwt.sign({ ...claims, purpose }, secret, { algorithm: 'HS256', expiresIn: expiresInSeconds });

/** The claims of a valid token of `purpose`, or a 400 naming `field` that says what is wrong with it. */
export const verify = <T>(token: unknown, purpose: Purpose, secret: string, field: string, what: string): T => {
  if (typeof token !== 'string' || token.length === 0 || token.length > 2048) throw fieldError(field, `${field} must be a ${what}`);
  let claims: jwt.JwtPayload;
  try {
    claims = jwt.verify(token, secret, { algorithms: ['HS256'] }) as jwt.JwtPayload;
  } catch (error) {
    if (error instanceof jwt.TokenExpiredError) throw fieldError(field, `This ${what} has expired.`);
    throw fieldError(field, `This ${what} is not valid.`);
  }
  if (claims.purpose !== purpose) throw fieldError(field, `This ${what} is not valid.`);
  return claims as T;
};
