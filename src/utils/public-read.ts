import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { hasDraftAndPublish } from './content-types';

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

/**
 * `:id` in a public route may be a documentId or a slug, so websites can link `/api/articles/<slug>`.
 * Returns the documentId of the document (published unless drafts are allowed), or null. One query through the
 * query engine: the Document Service would wrap this lookup in a transaction of its own.
 */
export const resolveDocumentId = async (
  strapi: Core.Strapi,
  uid: SluggedContentType,
  idOrSlug: string,
  status: 'published' | 'draft' = 'published'
): Promise<string | null> => {
  const version = hasDraftAndPublish(strapi, uid) ? { publishedAt: status === 'published' ? { $notNull: true } : { $null: true } } : {};
  const row = (await strapi.db.query(uid).findOne({
    where: { $or: [{ documentId: idOrSlug }, { slug: idOrSlug }], ...version },
    select: ['documentId'],
  })) as { documentId: string } | null;
  return row?.documentId ?? null;
};
