import { createHash, randomBytes } from 'crypto';
import type { Core } from '@strapi/strapi';
import { getConfig } from './config';

/**
 * How the CMS recognises a reader without keeping who they are: salted hashes (IP_HASH_SALT) of the IP address and,
 * where a key must not reveal the address (reports, logs), of the email.
 */
const salted = (strapi: Core.Strapi, value: string) =>
  createHash('sha256').update(`${getConfig(strapi, 'moderation').ipHashSalt}:${value}`).digest('hex');

export const ipHash = (strapi: Core.Strapi, ip: string) => salted(strapi, ip);

export const emailHash = (strapi: Core.Strapi, email: string) => salted(strapi, `email:${email.trim().toLowerCase()}`);

/** A documentId-shaped identifier for an answer that must look like any other (24 lowercase letters and digits). */
export const neutralDocumentId = () => {
  const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789';
  const bytes = randomBytes(24);
  return Array.from(bytes, (byte, index) => alphabet[byte % (index === 0 ? 26 : 36)]).join('');
};
