import type { Core } from '@strapi/strapi';
import { readSecret } from '../src/utils/secrets';

const config = ({ env }: Core.Config.Shared.ConfigParams) => ({
  /** The moderation inbox (src/plugins/moderation): the admin panel's queue for reader comments. */
  moderation: {
    enabled: true,
    resolve: './src/plugins/moderation',
    config: {
      articleUrlTemplate: env('ARTICLE_URL_TEMPLATE', 'https://counseling.example/articles/{slug}'),
      practiceName: env('ORGANIZER_NAME', 'Counseling Practice'),
      practiceEmail: env('PRACTICE_REPLY_EMAIL', 'team@counseling.example'),
      undoSeconds: env.int('MODERATION_UNDO_SECONDS', 10),
    },
  },
  /** The editors' Sessions panel on group programs (src/plugins/schedule-panel). */
  'schedule-panel': {
    enabled: true,
    resolve: './src/plugins/schedule-panel',
    config: {
      /** Public holidays that the panel warns about: ISO country code and, optionally, region (state, province). */
      holidays: { country: env('HOLIDAYS_COUNTRY', 'US'), region: env('HOLIDAYS_REGION', '') },
    },
  },
  'users-permissions': {
    config: {
      jwtSecret: readSecret(process.env, 'JWT_SECRET'),
      jwt: { expiresIn: '7d' },
      // The auth endpoints' brute-force limiter stays on everywhere except the test suite, which logs in often.
      ratelimit: { enabled: env('NODE_ENV') !== 'test' },
      register: { allowedFields: [] },
    },
  },
  email: {
    config: {
      provider: 'nodemailer',
      // Without SMTP_HOST, messages are rendered but not sent (nodemailer's JSON transport) and logged.
      providerOptions: env('SMTP_HOST')
        ? {
            host: env('SMTP_HOST'),
            port: env.int('SMTP_PORT', 587),
            secure: env.bool('SMTP_SECURE', false),
            ignoreTLS: env.bool('SMTP_IGNORE_TLS', false),
            auth: env('SMTP_USERNAME') ? { user: env('SMTP_USERNAME'), pass: env('SMTP_PASSWORD') } : undefined,
          }
        : { jsonTransport: true },
      settings: {
        defaultFrom: env('EMAIL_FROM', 'no-reply@counseling.example'),
        defaultReplyTo: env('EMAIL_REPLY_TO', 'no-reply@counseling.example'),
      },
    },
  },
});

export default config;
