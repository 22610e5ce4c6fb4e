import { commentCreateSchema, moderateSchema, queueQuerySchema, threadQuerySchema } from '../../api/comment/validation';
import { errors, json, ok, ref } from '../schemas';
import { inputSchema, queryParameters } from '../zod';
import { idParameter, MODERATOR_SECURITY, type Describe } from './shared';
import { getConfig } from '../../utils/config';

const page = (items: unknown) => ({
  type: 'object',
  required: ['data', 'meta'],
  properties: { data: { type: 'array', items }, meta: { type: 'object', required: ['pagination'], properties: { pagination: ref('Pagination') } } },
});

/** Comments (create, approved reads, thread), commenters' confirmation, and the moderators' API. */
export const commentOperations: Record<string, Describe> = {
  'api::comment.comment.create': ({ strapi }) => ({
    summary: 'Post a comment on a published article',
    description: 'The answer is neutral: `received` (awaiting review) or `published`. Crisis language adds `support`, what the website shows at once.',
    tags: ['Comments'],
    requestBody: {
      required: true,
      content: json({ type: 'object', required: ['data'], additionalProperties: false, properties: { data: inputSchema(commentCreateSchema(getConfig(strapi, 'moderation').maxBodyLength)) } }),
    },
    responses: {
      '201': ok('Received (or published, for a verified author with an approved comment and no flag).', {
        type: 'object',
        required: ['data'],
        properties: {
          data: {
            type: 'object',
            required: ['documentId', 'state', 'message'],
            properties: { documentId: { type: 'string' }, state: { type: 'string', enum: ['received', 'published'] }, message: { type: 'string' }, support: ref('CrisisSupport') },
          },
        },
      }),
      ...errors('BadRequest', 'Forbidden', 'PayloadTooLarge', 'UnsupportedMediaType', 'TooManyRequests'),
    },
  }),
  'api::comment.comment.find': () => ({
    summary: 'List approved comments of published articles',
    tags: ['Comments'],
    parameters: [
      { name: 'filters', in: 'query', style: 'deepObject', explode: true, description: 'filters[article][slug][$eq]=..., filters[article][documentId][$eq]=..., filters[createdAt][$gte]=...', schema: { type: 'object' } },
      { name: 'sort', in: 'query', schema: { type: 'string', enum: ['createdAt', 'createdAt:asc', 'createdAt:desc'] } },
      { name: 'pagination[page]', in: 'query', schema: { type: 'integer', minimum: 1 } },
      { name: 'pagination[pageSize]', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 100 } },
    ],
    responses: { '200': ok('A page of approved comments.', page(ref('PublicComment'))), ...errors('BadRequest', 'Forbidden') },
  }),
  'api::comment.comment.findOne': () => ({
    summary: 'One approved comment',
    tags: ['Comments'],
    parameters: [idParameter('The comment documentId.')],
    responses: { '200': ok('The comment.', { type: 'object', required: ['data'], properties: { data: ref('PublicComment'), meta: { type: 'object' } } }), ...errors('BadRequest', 'Forbidden', 'NotFound') },
  }),
  'api::comment.comment.forArticle': () => ({
    summary: "An article's approved thread",
    description: 'Top-level comments oldest first, a page at a time, each with its approved replies nested.',
    tags: ['Comments'],
    parameters: [idParameter('The article documentId or slug.'), ...queryParameters(threadQuerySchema)],
    responses: { '200': ok('A page of the thread.', page(ref('ThreadComment'))), ...errors('BadRequest', 'NotFound') },
  }),
  'api::commenter.commenter.confirm': ({ route }) => ({
    summary: route.method === 'GET' ? 'Confirm an email address (the link in the email)' : "Confirm an email address (from the website's confirmation page)",
    tags: ['Commenters'],
    ...(route.method === 'GET'
      ? { parameters: [{ name: 'token', in: 'query' as const, required: true, schema: { type: 'string' } }] }
      : { requestBody: { required: true, content: json({ type: 'object', required: ['token'], properties: { token: { type: 'string' } } }) } }),
    responses: {
      '200': ok('Confirmed: keep commenterToken and send it with later comments.', {
        type: 'object',
        required: ['data'],
        properties: {
          data: {
            type: 'object',
            required: ['email', 'verified', 'commenterToken', 'expiresAt', 'message'],
            properties: { email: { type: 'string' }, verified: { const: true }, commenterToken: { type: 'string' }, expiresAt: { type: 'string', format: 'date-time' }, message: { type: 'string' } },
          },
        },
      }),
      ...errors('BadRequest'),
    },
  }),
  'api::commenter.commenter.revoke': () => ({
    summary: 'Revoke every commenter token of an address ("sign out everywhere")',
    description: 'Also voids the address\'s unused confirmation, export and erasure links.',
    tags: ['Commenters'],
    requestBody: { required: true, content: json({ type: 'object', required: ['commenterToken'], properties: { commenterToken: { type: 'string' } } }) },
    responses: { '204': { description: 'Revoked.' }, ...errors('BadRequest') },
  }),
  'api::comment.comment.moderationQueue': () => ({
    summary: 'The moderation queue (moderators)',
    description: 'Urgent first, then oldest first; private fields included. A users-permissions user in the Moderator role.',
    tags: ['Moderation'],
    security: MODERATOR_SECURITY,
    parameters: queryParameters(queueQuerySchema),
    responses: { '200': ok('A page of the queue.', page(ref('QueuedComment'))), ...errors('BadRequest', 'Unauthorized', 'Forbidden') },
  }),
  'api::comment.comment.moderate': () => ({
    summary: 'Approve, reject or mark a comment as spam (moderators)',
    tags: ['Moderation'],
    security: MODERATOR_SECURITY,
    parameters: [idParameter('The comment documentId.')],
    requestBody: { required: true, content: json(inputSchema(moderateSchema)) },
    responses: { '200': ok('The comment after the decision.', { type: 'object', required: ['data'], properties: { data: ref('QueuedComment') } }), ...errors('BadRequest', 'Unauthorized', 'Forbidden', 'NotFound') },
  }),
};

