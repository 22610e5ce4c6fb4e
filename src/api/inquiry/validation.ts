import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max';
import { z } from 'zod';
import { consentSentence } from '#domain/inquiries';

/** The public input of POST /api/group-programs/:slug/inquiries, declared once (it also generates the OpenAPI document). */

/** The form field people never see; bots fill it in (as on comments). */
export const HONEYPOT_FIELD = 'website';

/** Decided by the server alone: a client that sends one of these gets a 400 naming it. */
export const SERVER_FIELDS = ['handling', 'status', 'handledAt', 'waitingList', 'urgent', 'program', 'consentVersion', 'id', 'documentId', 'createdAt', 'updatedAt'] as const;

const text = (field: string, max: number) => z.string({ error: `${field} must be text` }).trim().max(max, `${field} must be at most ${max} characters`);

/** No control or format characters in a name (they hide text in the front office's email). */
const PRINTABLE = /^[^\p{Cc}\p{Cf}]*$/u;

export const inquiryCreateSchema = (maxMessageLength: number, phoneCountry: string) =>
  z
    .object({
      name: text('name', 100).min(1, 'name must not be empty').regex(PRINTABLE, 'name must not contain control characters'),
      email: text('email', 254).toLowerCase().pipe(z.email({ error: 'email must be a valid email address' })),
      phone: text('phone', 32)
        .nullish()
        .transform((value, ctx) => {
          if (!value) return null;
          const number = parsePhoneNumberFromString(value, phoneCountry as CountryCode);
          if (!number?.isValid()) {
            ctx.addIssue({ code: 'custom', message: 'phone must be a valid phone number (with its country code if it is not a local number)' });
            return z.NEVER;
          }
          return number.number;
        }),
      preferredContact: z.enum(['email', 'phone'], { error: 'preferredContact must be email or phone' }).default('email'),
      message: text('message', maxMessageLength).nullish(),
      consent: z
        .literal(true, { error: `consent must be true: the person agrees to "${consentSentence().sentence}"` })
        .meta({ description: `true: the person ticked the sentence the website shows beside the form (data/inquiries/consent.yaml, version ${consentSentence().version}): "${consentSentence().sentence}"` }),
      [HONEYPOT_FIELD]: z.string({ error: `${HONEYPOT_FIELD} must be text` }).max(2000).nullish(),
    })
    .strict()
    .superRefine((input, ctx) => {
      if (input.preferredContact === 'phone' && !input.phone) ctx.addIssue({ code: 'custom', path: ['phone'], message: 'phone is required when preferredContact is phone' });
    });

export type InquiryCreateInput = z.infer<ReturnType<typeof inquiryCreateSchema>>;
