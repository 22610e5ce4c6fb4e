import type { Core, Modules } from '@strapi/strapi';
import { errors } from '@strapi/utils';

const PROGRAM = 'api::group-program.group-program';

/**
 * A program's private meeting link holds to its schema (https only, no spaces, 500 characters at most) on every save,
 * drafts and the Content Manager's duplicate included: Strapi checks `regex` only when a document is published, so
 * the admin panel would otherwise keep a draft link the front office might send. The rule is the schema's, read from it.
 */
export const meetingLinkMiddleware =
  (strapi: Core.Strapi): Modules.Documents.Middleware.Middleware =>
  async (context, next) => {
    if (context.uid !== PROGRAM || !['create', 'update', 'clone'].includes(context.action)) return next();
    const link = (context.params as { data?: { meetingUrl?: unknown } }).data?.meetingUrl;
    if (link === undefined || link === null || link === '') return next();
    const { regex, maxLength } = strapi.contentType(PROGRAM).attributes.meetingUrl as { regex?: RegExp | string; maxLength?: number };
    const problem =
      typeof link !== 'string' || !new RegExp(regex ?? '^https://\\S+$').test(link)
        ? 'The meeting link must be a full address starting with https://, without spaces'
        : maxLength !== undefined && link.length > maxLength
          ? `The meeting link must be at most ${maxLength} characters`
          : null;
    if (problem) throw new errors.ValidationError(problem, { errors: [{ path: ['meetingUrl'], message: problem, name: 'ValidationError', value: undefined }] });
    return next();
  };
