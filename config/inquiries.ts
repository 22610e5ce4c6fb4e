import type { Core } from '@strapi/strapi';

/** "Ask about this group" (POST /api/group-programs/:slug/inquiries). Documented in docs/front-office.md. */
const config = ({ env }: Core.Config.Shared.ConfigParams) => ({
  /** Comma-separated: who is emailed about each new inquiry (the front office). */
  frontOfficeEmails: env
    .array('FRONT_OFFICE_EMAILS', [])
    .map((item) => item.trim())
    .filter(Boolean),
  /** Longest accepted message, in characters. */
  maxMessageLength: env.int('INQUIRY_MAX_MESSAGE_LENGTH', 1000),
  /** Inquiries are deleted this many days after they were sent (0: never). */
  retentionDays: env.int('INQUIRY_RETENTION_DAYS', 365),
  /** Phone numbers written without a country code are read as this country's (ISO 3166). */
  phoneCountry: env('INQUIRY_PHONE_COUNTRY', env('SUPPORT_COUNTRY', 'US')).toUpperCase(),
  /** The admin panel's address, for the link in the email. */
  adminUrl: env('PUBLIC_URL', 'http://localhost:1337'),
});

export type InquiriesConfig = ReturnType<typeof config>;

export default config;
