import { z } from 'zod';

/** Every public input of the comment routes, declared once; `parseInput` (src/utils/validation.ts) turns failures into 400s with paths. */

/** The form field people never see; bots fill it in. */
export const HONEYPOT_FIELD = 'website';

/** Decided by the server alone: a client that sends one of these gets a 400 naming it. */
export const SERVER_FIELDS = [
  'moderationStatus', 'status', 'priority', 'flags', 'flagSummary', 'moderationNote', 'moderatedAt', 'moderatedBy', 'escalatedAt',
  'ipHash', 'authorIp', 'userAgent', 'contentHash', 'spamScore', 'spamWords', 'trainedAs', 'byPractice', 'replies', 'createdAt', 'updatedAt', 'publishedAt', 'id', 'documentId',
] as const;

const text = (field: string, max: number) =>
  z.string({ error: `${field} must be text` }).trim().max(max, `${field} must be at most ${max} characters`);

export const commentCreateSchema = (maxBodyLength: number) =>
  z
    .object({
      article: text('article', 200).min(1, 'article is required (a documentId or slug)'),
      authorName: text('authorName', 80).min(1, 'authorName must not be empty'),
      authorEmail: text('authorEmail', 254).pipe(z.email({ error: 'authorEmail must be a valid email address' })),
      body: text('body', maxBodyLength).min(1, 'body must not be empty'),
      parent: text('parent', 200).nullish(),
      /** The article's locale (en, es...): a comment joins that version's thread. Absent: the slug's own locale. */
      locale: text('locale', 35).nullish(),
      commenterToken: text('commenterToken', 2048).nullish(),
      /** Email me when someone replies (needs commenterToken: only a verified address is ever emailed). */
      notifyReplies: z.boolean({ error: 'notifyReplies must be true or false' }).nullish(),
      [HONEYPOT_FIELD]: z.string({ error: `${HONEYPOT_FIELD} must be text` }).max(2000).nullish(),
    })
    .strict();
export type CommentCreateInput = z.infer<ReturnType<typeof commentCreateSchema>>;

/** `{ "data": { ... } }` */
export const envelope = z.object({ data: z.record(z.string(), z.unknown(), { error: 'the request body must be { "data": { ... } }' }) }, { error: 'the request body must be { "data": { ... } }' });

const wholeNumber = (name: string, max: number) =>
  z
    .string({ error: `${name} must be a whole number from 1 to ${max}` })
    .regex(/^\d{1,7}$/, `${name} must be a whole number from 1 to ${max}`)
    .transform(Number)
    .refine((value) => value >= 1 && value <= max, `${name} must be a whole number from 1 to ${max}`);

export const threadQuerySchema = z
  .object({ page: wholeNumber('page', 100000).default(1), pageSize: wholeNumber('pageSize', 100).default(25), locale: z.string({ error: 'locale must be a locale code' }).max(35).optional() })
  .strict();

/** `reported`: comments with readers' reports no moderator has decided on yet (whatever their status). */
export const QUEUE_STATUSES = ['pending', 'approved', 'rejected', 'spam', 'reported'] as const;
export const queueQuerySchema = z
  .object({
    status: z.enum(QUEUE_STATUSES, { error: `status must be one of ${QUEUE_STATUSES.join(', ')}` }).default('pending'),
    page: wholeNumber('page', 100000).default(1),
    pageSize: wholeNumber('pageSize', 100).default(25),
  })
  .strict();

export const moderateSchema = z
  .object({
    status: z.enum(['approved', 'rejected', 'spam'], { error: 'status must be approved, rejected or spam' }),
    note: z.string({ error: 'note must be text' }).max(2000, 'note must be at most 2000 characters').nullish(),
  })
  .strict();
