/**
 * The commonest public reads (a page of published documents with the default populate, or one of them by slug or
 * documentId) answered straight from the query engine, with the answer Strapi's core controller gives them. The
 * core path validates and sanitises the query, runs the Document Service (a transaction per call) and walks the
 * answer again to sanitise it: two thirds of an uncached list's time. Here the populate's projection
 * (`projection.ts`) already holds only what the sanitiser lets through. Anything else the reader asks for (filters,
 * fields, their own populate, offset pagination, drafts), a relation the reader may not `find` or signed uploads
 * returns null and the caller goes the core way (`readable` below). A `locale` reads that locale's versions.
 */
import type { Core, UID } from '@strapi/strapi';
import { contentTypes, pagination as paging } from '@strapi/utils';
import { hasDraftAndPublish } from '../content-types';
import { defaultLocale, isLocalised } from '../locales';
import { keptIn } from '../kept-in';
import { PUBLISHED, projectionOf, visible, type EnginePart, type Model, type ReadPopulate } from './projection';

type Query = Record<string, unknown>;
type Row = Record<string, unknown> & { documentId: string };
export interface PageAnswer {
  data: Row[];
  meta: { pagination: Record<string, number> };
}

const LEAN_KEYS = new Set(['status', 'populate', 'pagination', 'sort', 'locale']);
const POSITIVE = /^[1-9]\d{0,5}$/;
const SORT_PART = /^([A-Za-z_]\w*)(?::(asc|desc))?$/;

/** Whether the query is the plain published read with the default populate (the lean path's only case). */
const isPlain = (query: Query, defaultPopulate: ReadPopulate) =>
  query.status === 'published' && query.populate === defaultPopulate && Object.keys(query).every((key) => LEAN_KEYS.has(key));

/** `sort=title`, `sort=title:desc,kind`, `sort[0]=title`: on the type's own visible scalar attributes; else null. */
const orderByOf = (strapi: Core.Strapi, uid: UID.ContentType, sort: unknown): Array<Record<string, 'asc' | 'desc'>> | null => {
  if (sort === undefined) return [];
  const pieces = typeof sort === 'string' ? [sort] : Array.isArray(sort) && sort.every((piece) => typeof piece === 'string') ? (sort as string[]) : null;
  if (!pieces) return null;
  const model = strapi.getModel(uid);
  const orderBy: Array<Record<string, 'asc' | 'desc'>> = [];
  for (const piece of pieces.flatMap((value) => value.split(','))) {
    const [, name, order] = SORT_PART.exec(piece.trim()) ?? [];
    const attribute = name ? (model.attributes as Record<string, unknown>)[name] : undefined;
    if (!attribute || !contentTypes.isScalarAttribute(attribute as never) || !visible(model as unknown as Model, name)) return null;
    orderBy.push({ [name]: (order as 'asc' | 'desc' | undefined) ?? 'asc' });
  }
  return orderBy;
};

/** Page-based pagination only (`page`, `pageSize`, positive integers); offset pagination and `withCount` go the core way. */
const pageOf = (strapi: Core.Strapi, value: unknown): { start: number; limit: number } | null => {
  if (value === undefined) value = {};
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  const entries = Object.entries(value);
  if (!entries.every(([key, given]) => (key === 'page' || key === 'pageSize') && typeof given === 'string' && POSITIVE.test(given))) return null;
  const defaultLimit = Number(strapi.config.get('api.rest.defaultLimit', 25));
  const maxLimit = Number(strapi.config.get('api.rest.maxLimit')) || -1;
  return paging.withDefaultPagination(value as Record<string, string>, {
    defaults: { offset: { limit: defaultLimit }, page: { pageSize: defaultLimit } },
    maxLimit,
  }) as { start: number; limit: number };
};

/** Whether the reader may `find` every type the populate reaches (what the output sanitiser checks). */
const mayFindAll = async (strapi: Core.Strapi, auth: unknown, targets: string[]) => {
  for (const target of targets) {
    try {
      await strapi.auth.verify(auth as never, { scope: `${target}.find` } as never);
    } catch {
      return false;
    }
  }
  return true;
};

/** Whether uploads are signed per read (a private provider signs media URLs in a Document Service middleware). */
const signedUploads = new WeakMap<Core.Strapi, Promise<boolean>>();
const signsUploads = (strapi: Core.Strapi) =>
  keptIn(signedUploads, strapi, async () => Boolean(await (strapi.plugin('upload') as unknown as { provider?: { isPrivate?: () => unknown } }).provider?.isPrivate?.()));

/**
 * The query engine's select and populate for a plain read of `uid` by this reader, or null: signed uploads, a
 * populate with no projection, a relation the reader may not find.
 */
const readable = async (strapi: Core.Strapi, uid: UID.ContentType, auth: unknown, populate: ReadPopulate): Promise<EnginePart | null> => {
  const projection = (await signsUploads(strapi)) ? null : projectionOf(strapi, uid, populate);
  return projection && (await mayFindAll(strapi, auth, projection.relationTargets)) ? projection.root : null;
};

/**
 * Published versions in the asked locale (the default locale when none is asked, as the Document Service reads).
 * Relations need no locale of their own: a version links to the versions of its own locale.
 */
const versionsRead = (strapi: Core.Strapi, uid: UID.ContentType, query: Query) => ({
  ...(hasDraftAndPublish(strapi, uid) ? PUBLISHED : {}),
  ...(isLocalised(strapi, uid) ? { locale: typeof query.locale === 'string' ? query.locale : defaultLocale(strapi) } : {}),
});

/** A page of published documents, as the core `find` answers it; null when the query is not the plain read. */
export const leanFindPage = async (
  strapi: Core.Strapi,
  uid: UID.ContentType,
  auth: unknown,
  query: Query,
  defaultPopulate: ReadPopulate
): Promise<PageAnswer | null> => {
  if (!isPlain(query, defaultPopulate)) return null;
  const orderBy = orderByOf(strapi, uid, query.sort);
  const page = pageOf(strapi, query.pagination);
  const root = orderBy && page ? await readable(strapi, uid, auth, defaultPopulate) : null;
  if (!root || !orderBy || !page) return null;
  const where = versionsRead(strapi, uid, query);
  const withCount = Boolean(strapi.config.get('api.rest.withCount', true));
  // In one transaction, as the Document Service reads: a publish cannot land between a page and its populate.
  const data = (await strapi.db.transaction(() => strapi.db.query(uid).findMany({ ...root, where, orderBy, offset: page.start, limit: page.limit }))) as Row[];
  const total = withCount ? Number(await strapi.db.query(uid).count({ where })) : undefined;
  const info = paging.transformPagedPaginationInfo(page, total as number) as unknown as Record<string, number>;
  if (total === undefined) {
    delete info.total;
    delete info.pageCount;
  }
  return { data, meta: { pagination: info } };
};

/**
 * The published document whose documentId or slug is `idOrSlug`, as the core `findOne` answers it (null: none);
 * undefined when the query is not the plain read.
 */
export const leanFindOne = async (
  strapi: Core.Strapi,
  uid: UID.ContentType,
  auth: unknown,
  idOrSlug: string,
  query: Query,
  defaultPopulate: ReadPopulate
): Promise<Row | null | undefined> => {
  if (!isPlain(query, defaultPopulate) || query.sort !== undefined || query.pagination !== undefined) return undefined;
  const root = await readable(strapi, uid, auth, defaultPopulate);
  if (!root) return undefined;
  const where = { $or: [{ documentId: idOrSlug }, { slug: idOrSlug }], ...versionsRead(strapi, uid, query) };
  return ((await strapi.db.transaction(() => strapi.db.query(uid).findOne({ ...root, where }))) as Row | null) ?? null;
};
