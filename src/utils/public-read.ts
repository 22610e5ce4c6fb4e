import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { hasDraftAndPublish } from './content-types';
import { defaultLocale, isLocalised } from './locales';

type Query = Record<string, unknown>;
type Populate = Record<string, unknown>;

/** Only API tokens (previews, back-office tools) may ask for drafts; everyone else sees published documents. */
const API_TOKEN_STRATEGIES = new Set(['content-api-token', 'api-token']);
const mayReadDrafts = (ctx: Context) => API_TOKEN_STRATEGIES.has(ctx.state.auth?.strategy?.name);

/** The query a public read runs: published only, and `defaultPopulate` unless the client chose its own. */
export const publicReadQuery = (ctx: Context, defaultPopulate: Populate): Query => {
  const query: Query = { ...(ctx.query as Query) };
  if (!mayReadDrafts(ctx)) query.status = 'published';
  if (query.populate === undefined) query.populate = defaultPopulate;
  return query;
};

export type SluggedContentType = 'api::article.article' | 'api::group-program.group-program' | 'api::topic.topic';

interface VersionLookup {
  status?: 'published' | 'draft';
  /** The locale to look in (the default locale when none is given). */
  locale?: unknown;
  /** With no locale given: the default locale's version first, else a version in any locale (a slug in Spanish). */
  anyLocale?: boolean;
}

/**
 * `:id` in a public route may be a documentId or a slug, so websites can link `/api/articles/<slug>`.
 * Returns the documentId and locale of the document (published unless drafts are allowed) in `locale`, or null:
 * slugs are unique per locale. One query through the query engine: the Document Service would wrap this lookup in
 * a transaction of its own.
 */
export const resolveVersion = async (
  strapi: Core.Strapi,
  uid: SluggedContentType,
  idOrSlug: string,
  { status = 'published', locale, anyLocale = false }: VersionLookup = {}
): Promise<{ documentId: string; locale: string | null } | null> => {
  const localised = isLocalised(strapi, uid);
  const asked = typeof locale === 'string' ? locale : undefined;
  const where = {
    $or: [{ documentId: idOrSlug }, { slug: idOrSlug }],
    ...(hasDraftAndPublish(strapi, uid) ? { publishedAt: status === 'published' ? { $notNull: true } : { $null: true } } : {}),
    ...(localised && (asked || !anyLocale) ? { locale: asked ?? defaultLocale(strapi) } : {}),
  };
  const rows = (await strapi.db.query(uid).findMany({ where, select: ['documentId', 'locale'], limit: localised && anyLocale && !asked ? 50 : 1 })) as Array<{
    documentId: string;
    locale?: string | null;
  }>;
  const row = rows.find((candidate) => candidate.locale === defaultLocale(strapi)) ?? rows[0];
  return row ? { documentId: row.documentId, locale: localised ? (row.locale ?? null) : null } : null;
};

/** The documentId of `resolveVersion`'s document, or null. */
export const resolveDocumentId = async (
  strapi: Core.Strapi,
  uid: SluggedContentType,
  idOrSlug: string,
  status: 'published' | 'draft' = 'published',
  locale?: unknown
): Promise<string | null> => (await resolveVersion(strapi, uid, idOrSlug, { status, locale }))?.documentId ?? null;
