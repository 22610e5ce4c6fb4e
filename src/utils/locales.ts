import type { Core, UID } from '@strapi/strapi';
import { getConfig } from './config';
import { fieldError } from './validation';

/**
 * The locales content is written in (Strapi's i18n), known synchronously to the code that checks a public query:
 * read at start, again after a locale or the default changes on this instance, and every minute (a change made on
 * another instance). `ensureLocales` adds the configured ones (config/locales.ts) a database does not have yet.
 */
interface Known {
  codes: Set<string>;
  defaultCode: string;
}

const REFRESH_MS = 60_000;
// Kept on the Strapi instance (a global symbol), not in this module: the compiled app and code loaded from src/
// (tests, scripts) may each hold their own copy of this module, and must see the same locales.
const KNOWN = Symbol.for('counseling-cms.locales');
const TIMER = Symbol.for('counseling-cms.locales-timer');
type Holder = { [KNOWN]?: Known; [TIMER]?: NodeJS.Timeout };
const holder = (strapi: Core.Strapi) => strapi as unknown as Holder;

type LocaleService = {
  find(): Promise<Array<{ code: string }>>;
  create(locale: { code: string; name: string }): Promise<unknown>;
  getDefaultLocale(): Promise<string | undefined>;
};
const localeService = (strapi: Core.Strapi) => strapi.plugin('i18n').service('locales') as unknown as LocaleService;

const refresh = async (strapi: Core.Strapi) => {
  const rows = await localeService(strapi).find();
  holder(strapi)[KNOWN] = { codes: new Set(rows.map((row) => row.code)), defaultCode: (await localeService(strapi).getDefaultLocale()) ?? 'en' };
};

/** At bootstrap: the configured locales exist (named as Strapi names them), and this instance knows the list. */
export const ensureLocales = async (strapi: Core.Strapi) => {
  const present = new Set((await localeService(strapi).find()).map((row) => row.code));
  const iso = (strapi.plugin('i18n').service('iso-locales') as unknown as { getIsoLocales(): Array<{ code: string; name: string }> }).getIsoLocales();
  for (const code of getConfig(strapi, 'locales').codes) {
    if (present.has(code)) continue;
    const name = iso.find((locale) => locale.code === code)?.name;
    if (!name) throw new Error(`LOCALES: "${code}" is not a locale code Strapi knows (en, es, fr, pt-BR, ...)`);
    await localeService(strapi).create({ code, name });
  }
  await refresh(strapi);
  const again = () => void refresh(strapi).catch((error: Error) => strapi.log.warn(`Could not re-read the locales: ${error.message}`));
  strapi.db.lifecycles.subscribe({ models: ['plugin::i18n.locale'], afterCreate: again, afterUpdate: again, afterDelete: again });
  strapi.db.lifecycles.subscribe({ models: ['strapi::core-store'], afterCreate: again, afterUpdate: again });
  const timer = setInterval(again, REFRESH_MS);
  timer.unref();
  holder(strapi)[TIMER] = timer;
};

export const stopLocales = (strapi: Core.Strapi) => clearInterval(holder(strapi)[TIMER]);

const current = (strapi: Core.Strapi): Known => holder(strapi)[KNOWN] ?? { codes: new Set(['en']), defaultCode: 'en' };

export const localeCodes = (strapi: Core.Strapi): ReadonlySet<string> => current(strapi).codes;
export const defaultLocale = (strapi: Core.Strapi): string => current(strapi).defaultCode;

/** Whether documents of `uid` have a version per locale. */
export const isLocalised = (strapi: Core.Strapi, uid: UID.ContentType): boolean =>
  (strapi.getModel(uid) as { pluginOptions?: { i18n?: { localized?: boolean } } }).pluginOptions?.i18n?.localized === true;

/** A `locale` parameter: one of the known codes (a 400 naming `locale` otherwise); absent: the default locale. */
export const checkedLocale = (strapi: Core.Strapi, value: unknown, parameter = 'locale'): string => {
  if (value === undefined || value === '') return defaultLocale(strapi);
  const codes = [...localeCodes(strapi)];
  if (typeof value !== 'string' || !localeCodes(strapi).has(value)) {
    throw fieldError(parameter, `${parameter} must be one of ${codes.join(', ')}`);
  }
  return value;
};
