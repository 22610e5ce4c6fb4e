import type { Core, Modules, UID } from '@strapi/strapi';
import { defaultLocale, isLocalised } from '../utils/locales';

/**
 * A document's first version in another locale (a translation, created by an update in that locale) takes the
 * document's shared fields and cannot change them: the admin panel's form for a new translation holds a required
 * component's defaults (an empty schedule, "never ends"), which Strapi would otherwise store and copy to every
 * locale over the real schedule. Shared fields change by editing any existing version.
 */
type Params = { data?: Record<string, unknown>; documentId?: string; locale?: unknown };

const decided = new WeakMap<object, Promise<boolean>>();

/** The locale a write is in, for a localised type (the default locale when none is given); undefined otherwise. */
export const writeLocale = (strapi: Core.Strapi, uid: UID.ContentType, locale: unknown): string | undefined =>
  isLocalised(strapi, uid) ? (typeof locale === 'string' ? locale : defaultLocale(strapi)) : undefined;

/** Whether this write creates a translation of an existing document (asked once per write, whoever asks). */
export const isNewTranslation = (strapi: Core.Strapi, uid: UID.ContentType, action: string, params: Params): Promise<boolean> => {
  const locale = writeLocale(strapi, uid, params.locale);
  if (action !== 'update' || locale === undefined || !params.documentId) return Promise.resolve(false);
  let answer = decided.get(params);
  if (!answer) {
    const documentId = params.documentId;
    answer = Promise.all([strapi.db.query(uid).count({ where: { documentId, locale } }), strapi.db.query(uid).count({ where: { documentId } })]).then(
      ([mine, any]) => mine === 0 && any > 0
    );
    decided.set(params, answer);
  }
  return answer;
};

type I18nContentTypes = { getNonLocalizedAttributes(model: unknown): string[] };

export const translationMiddleware =
  (strapi: Core.Strapi): Modules.Documents.Middleware.Middleware =>
  async (context, next) => {
    const params = context.params as Params;
    if (!params.data || !(await isNewTranslation(strapi, context.uid, context.action, params))) return next();
    const shared = (strapi.plugin('i18n').service('content-types') as unknown as I18nContentTypes).getNonLocalizedAttributes(strapi.getModel(context.uid));
    for (const name of shared) delete params.data[name];
    return next();
  };
