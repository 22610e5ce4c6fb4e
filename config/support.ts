import type { Core } from '@strapi/strapi';

/**
 * What a reader who writes crisis language is shown at once (the `support` object of the POST answer): the message
 * and resources of `data/support/<language>.yaml` for the comment's language and the practice's country.
 * SUPPORT_DIRS adds a deployment's own files (same shape; a language's file there replaces the built-in one), and
 * PRACTICE_CRISIS_PHONE lists the practice's own line first. docs/moderation.md says how to add a language.
 */
const config = ({ env }: Core.Config.Shared.ConfigParams) => {
  const practicePhone = env('PRACTICE_CRISIS_PHONE', '');
  return {
    /** The practice's country (ISO 3166): whose helplines are listed. */
    country: env('SUPPORT_COUNTRY', 'US').toUpperCase(),
    extraDirs: env
      .array('SUPPORT_DIRS', [])
      .map((dir) => dir.trim())
      .filter(Boolean),
    practice: practicePhone
      ? { name: env('ORGANIZER_NAME', 'Counseling Practice'), description: env('PRACTICE_CRISIS_DESCRIPTION', 'Call our team during office hours.'), phone: practicePhone }
      : undefined,
  };
};

export type SupportConfig = ReturnType<typeof config>;

export default config;
