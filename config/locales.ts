import type { Core } from '@strapi/strapi';

/**
 * The languages content is written in (Strapi's i18n). Articles, group programs and topics have a version per
 * locale; `LOCALES` lists the codes the app makes sure exist at start (ISO codes Strapi knows: `en`, `es`, `fr`,
 * `pt-BR`...). A new database's default locale is English (Strapi's STRAPI_PLUGIN_I18N_INIT_LOCALE_CODE changes
 * it); an administrator may change the default, or add more, in Settings → Internationalization.
 * docs/languages.md says what a new language needs.
 */
const config = ({ env }: Core.Config.Shared.ConfigParams) => ({
  codes: env
    .array('LOCALES', ['en', 'es'])
    .map((code) => code.trim())
    .filter(Boolean),
});

export type LocalesConfig = ReturnType<typeof config>;

export default config;
