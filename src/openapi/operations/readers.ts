import { reportSchema } from '../../api/comment-report/validation';
import { errors, json, ok, ref } from '../schemas';
import type { JsonSchema, MediaResponse, OperationSpec } from '../types';
import { inputSchema } from '../zod';
import { idParameter, type Describe, type OperationContext } from './shared';

/**
 * Readers' voice and rights (docs/readers.md): reporting a public comment, the one-click
 * unsubscribe from reply notifications, and a reader's own data (export and erasure, each asked for with a
 * commenter token and carried out by a signed link emailed to the address).
 */
const token = { type: 'string', minLength: 1, maxLength: 2048 };
const NO_STORE = { 'Cache-Control': { description: 'no-store', schema: { const: 'no-store' } } };

const data = (properties: Record<string, JsonSchema>, required = Object.keys(properties)): JsonSchema => ({
  type: 'object',
  required: ['data'],
  properties: { data: { type: 'object', required, additionalProperties: false, properties } },
});

/** A signed link's token: `?token=` on GET (the link in the email), `{ "token" }` on POST (the website's own page). */
const linkToken = ({ route }: OperationContext, what: string): Pick<OperationSpec, 'parameters' | 'requestBody'> =>
  route.method === 'GET'
    ? { parameters: [{ name: 'token', in: 'query', required: true, description: `The token of the ${what} in the email.`, schema: token }] }
    : { requestBody: { required: true, content: json({ type: 'object', required: ['token'], properties: { token: { ...token, description: `The token of the ${what} in the email.` } } }) } };

/** What a route may answer besides its success: 400 for a bad token, and for a POST the body checks of json-only. */
const failures = ({ route }: OperationContext) => (route.method === 'GET' ? errors('BadRequest') : errors('BadRequest', 'PayloadTooLarge', 'UnsupportedMediaType'));

const howOpened = (context: OperationContext, link: string) =>
  context.route.method === 'GET'
    ? `The ${link} in the email opens this. Mail scanners may open links too: point the link at a page of the website that POSTs the token instead.`
    : `A page of the website POSTs the token of the ${link}.`;

const EMAIL_OR_DATABASE_UNAVAILABLE: MediaResponse = {
  description: 'The email could not be sent (nothing is logged or counted), or the database is briefly unreachable; retry after `Retry-After` seconds.',
  headers: { 'Retry-After': { description: 'Seconds', schema: { type: 'string' } } },
  content: json(ref('Error')),
};

/** POST /api/commenters/export and /erase: a verified reader asks for the link by email. */
const requestLink =
  (kind: 'export' | 'erase'): Describe =>
  () => ({
    summary: kind === 'export' ? 'Ask for a copy of my comments (a download link is emailed)' : 'Ask to erase my comments (a confirmation link is emailed)',
    description: `Needs the commenter token of a confirmed address; the link goes to that address and expires after READER_DATA_LINK_HOURS. At most READER_DATA_REQUESTS_PER_HOUR requests per address and per IP.${
      kind === 'erase' ? ' Nothing is erased until the link is opened.' : ''
    }`,
    tags: ['Readers'],
    requestBody: { required: true, content: json({ type: 'object', required: ['commenterToken'], properties: { commenterToken: token } }) },
    responses: {
      '202': ok('The link was emailed.', data({ message: { type: 'string' } }), NO_STORE),
      ...errors('BadRequest', 'PayloadTooLarge', 'UnsupportedMediaType', 'TooManyRequests'),
      '503': EMAIL_OR_DATABASE_UNAVAILABLE,
    },
  });

export const readerOperations: Record<string, Describe> = {
  'api::comment-report.comment-report.report': () => ({
    summary: 'Report a public comment',
    description:
      'Anyone may report an approved comment of a published article; with a commenter token the reader is their address, otherwise their connection. One report per reader per comment counts; a repeat, or a report by a blocked reader, gets the same 202 and is not stored. Towards taking a comment off the page, one connection counts once however many addresses it reports with, and a reply by the practice is only flagged for review. A `crisis` report adds `support`, the crisis resources to show at once.',
    tags: ['Readers'],
    parameters: [idParameter('The comment documentId.')],
    requestBody: { required: true, content: json(inputSchema(reportSchema)) },
    responses: {
      '202': ok(
        'Received, whatever happens next.',
        data({ received: { const: true }, message: { type: 'string' }, support: ref('CrisisSupport') }, ['received', 'message'])
      ),
      ...errors('BadRequest', 'NotFound', 'PayloadTooLarge', 'UnsupportedMediaType', 'TooManyRequests'),
    },
  }),
  'api::data-request.reader-data.unsubscribe': (context) => ({
    summary: 'Stop reply notifications for one comment (the one-click link in the email)',
    description: `${howOpened(context, 'unsubscribe link')} The answer is the same whether or not the comment still exists.`,
    tags: ['Readers'],
    ...linkToken(context, 'unsubscribe link'),
    responses: { '200': ok('Unsubscribed.', data({ unsubscribed: { const: true }, message: { type: 'string' } }), NO_STORE), ...failures(context) },
  }),
  'api::data-request.reader-data.requestExport': requestLink('export'),
  'api::data-request.reader-data.export': (context) => ({
    summary: 'Download my data (the export link in the email)',
    description: `${howOpened(context, 'export link')} Works once, until it expires (READER_DATA_LINK_HOURS), and not after the address signs out everywhere (POST /api/commenters/revoke). A used, revoked, expired or forged link is a 400 naming \`token\`.`,
    tags: ['Readers'],
    ...linkToken(context, 'export link'),
    responses: {
      '200': ok('Everything kept under the address, as a JSON attachment.', { type: 'object', required: ['data'], additionalProperties: false, properties: { data: ref('ReaderDataExport') } }, {
        ...NO_STORE,
        'Content-Disposition': { description: 'attachment; filename="my-comments.json"', schema: { type: 'string' } },
      }),
      ...failures(context),
    },
  }),
  'api::data-request.reader-data.requestErasure': requestLink('erase'),
  'api::data-request.reader-data.confirmErasure': (context) => ({
    summary: 'Erase my comments (the confirmation link in the email)',
    description: `${howOpened(
      context,
      'erasure link'
    )} Works once: erases what the address wrote up to the moment the erasure was asked for (READER_ERASURE_MODE: anonymise or delete), the reports it sent and its confirmation, so every commenter token. A used, revoked (signed out everywhere since), expired or forged link is a 400 naming \`token\`.`,
    tags: ['Readers'],
    ...linkToken(context, 'erasure link'),
    responses: {
      '200': ok(
        'Erased.',
        data({ erased: { const: true }, comments: { type: 'integer', minimum: 0, description: 'How many comments were erased.' }, mode: { enum: ['anonymise', 'delete'] }, message: { type: 'string' } }),
        NO_STORE
      ),
      ...failures(context),
    },
  }),
};
