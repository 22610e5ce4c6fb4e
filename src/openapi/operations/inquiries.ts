import { consentSentence } from '#domain/inquiries';
import { inquiryCreateSchema } from '../../api/inquiry/validation';
import { errors, json, ok, ref } from '../schemas';
import { inputSchema } from '../zod';
import { slugParameter, type Describe } from './shared';
import { getConfig } from '../../utils/config';

/** "Ask about this group": the one public route of inquiries. */
export const inquiryOperations: Record<string, Describe> = {
  'api::inquiry.inquiry.ask': ({ strapi }) => {
    const { maxMessageLength, phoneCountry } = getConfig(strapi, 'inquiries');
    const consent = consentSentence();
    return {
      summary: 'Ask about a published group program, or join its waiting list',
      description:
        'The front office is emailed (never with the message in the subject) and answers by the preferred contact. ' +
        'When the program is full (seats taken up to its capacity, or enrollment set to waitlist or closed) the answer ' +
        'says the person is on its waiting list. A message with crisis language adds `support`, what the website shows at once, ' +
        `and the inquiry is urgent for the front office. The website shows this consent sentence beside the checkbox that sends \`consent: true\` (version ${consent.version}): "${consent.sentence}"`,
      tags: ['Inquiries'],
      'x-consent': consent,
      parameters: [slugParameter('The program slug (or documentId).')],
      requestBody: {
        required: true,
        content: json({ type: 'object', required: ['data'], additionalProperties: false, properties: { data: inputSchema(inquiryCreateSchema(maxMessageLength, phoneCountry)) } }),
      },
      responses: {
        '201': ok('Received, or on the waiting list.', {
          type: 'object',
          required: ['data'],
          properties: {
            data: {
              type: 'object',
              required: ['state', 'waitingList', 'message'],
              additionalProperties: false,
              properties: {
                state: { type: 'string', enum: ['received', 'waiting-list'] },
                waitingList: { type: 'boolean' },
                message: { type: 'string' },
                support: ref('CrisisSupport'),
              },
            },
          },
        }),
        ...errors('BadRequest', 'Forbidden', 'NotFound', 'PayloadTooLarge', 'UnsupportedMediaType', 'TooManyRequests'),
      },
    };
  },
};
