import { z } from 'zod';
import { configValidator } from '#app/utils/plugin-config';

const UNDO = { error: 'must be a whole number of seconds from 0 to 3600 (MODERATION_UNDO_SECONDS)' };

/** The inbox's settings (config/plugins.ts → moderation.config), checked at start-up. */
export const configSchema = z
  .object({
    articleUrlTemplate: z
      .string({ error: 'must be text' })
      .regex(/^https?:\/\/\S+$/, { error: 'must be an http(s) URL (ARTICLE_URL_TEMPLATE)' })
      .refine((template) => template.includes('{slug}'), { error: 'must contain {slug}, where the article\'s slug goes (ARTICLE_URL_TEMPLATE)' }),
    practiceName: z.string({ error: 'must be text' }).trim().min(1, { error: 'must not be empty (ORGANIZER_NAME)' }),
    practiceEmail: z.email({ error: 'must be an email address (PRACTICE_REPLY_EMAIL)' }),
    undoSeconds: z.int(UNDO).min(0, UNDO).max(3600, UNDO),
  })
  .strict();

export type ModerationPluginConfig = z.infer<typeof configSchema>;

export default {
  default: {
    articleUrlTemplate: 'https://counseling.example/articles/{slug}',
    practiceName: 'Counseling Practice',
    practiceEmail: 'team@counseling.example',
    undoSeconds: 10,
  } satisfies ModerationPluginConfig,
  validator: configValidator(configSchema),
};
