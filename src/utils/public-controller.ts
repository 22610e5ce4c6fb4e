import { factories } from '@strapi/strapi';
import type { Context } from 'koa';
import type { Core } from '@strapi/strapi';
import { publicReadQuery, resolveDocumentId, type SluggedContentType } from './public-read';
import { leanFindOne, leanFindPage } from './public-query/lean-read';
import type { ReadPopulate } from './public-query/projection';
import { defaultLocale, isLocalised } from './locales';

export type PublicDocument = Record<string, unknown> & { documentId: string };

interface PublicReadOptions<Extra extends object> {
  /** Relations a page needs, populated unless the client narrows `populate`. */
  defaultPopulate: ReadPopulate;
  /** More controller actions (custom routes). */
  extend?: (strapi: Core.Strapi) => Extra;
  /** Adds computed fields to the documents of a find or findOne answer, in place. */
  decorate?: (strapi: Core.Strapi, documents: PublicDocument[], answer: AnswerKind) => Promise<void>;
}

/** A list (find) carries the computed parts it was asked for (`include`); one document (findOne) carries them all. */
export interface AnswerKind {
  list: boolean;
  include: readonly string[];
  /** The locale read (the default locale when none was asked); null for a type without locales. */
  locale: string | null;
}

type Answer = { data: PublicDocument | PublicDocument[] | null; meta?: unknown } | undefined;

/**
 * A core controller whose reads are safe for websites: drafts stay private, relations a page needs are
 * populated unless the client narrows `populate`, and `findOne` accepts a slug as well as a documentId.
 */
export const createPublicReadController = <Extra extends object = object>(
  uid: SluggedContentType,
  { defaultPopulate, extend, decorate }: PublicReadOptions<Extra>
) =>
  factories.createCoreController(uid, ({ strapi }: { strapi: Core.Strapi }) => {
    const notPublished = (ctx: Context) => ctx.notFound(`No ${uid.split('.').pop()} "${ctx.params.id}" is published.`);
    const decorated = async (answer: Answer, kind: AnswerKind) => {
      const data = answer?.data;
      if (decorate && data) await decorate(strapi, Array.isArray(data) ? data : [data], kind);
      return answer;
    };
    /** The query without `include` (checked by the public-query middleware; not a Strapi parameter), and its names. */
    const split = (query: Record<string, unknown>) => {
      const { include, ...rest } = query;
      const locale = isLocalised(strapi, uid) ? (typeof rest.locale === 'string' ? rest.locale : defaultLocale(strapi)) : null;
      return { query: rest, include: Array.isArray(include) ? (include as string[]) : [], locale };
    };

    return {
      ...(extend?.(strapi) ?? ({} as Extra)),

      async find(ctx: Context) {
        const { query, include, locale } = split(publicReadQuery(ctx, defaultPopulate));
        const lean = await leanFindPage(strapi, uid, ctx.state.auth, query, defaultPopulate);
        if (lean) return decorated(((await this.transformResponse?.(lean.data, lean.meta)) ?? lean) as Answer, { list: true, include, locale });
        ctx.query = query;
        return decorated((await super.find(ctx)) as Answer, { list: true, include, locale });
      },

      async findOne(ctx: Context) {
        const { query, include, locale } = split(publicReadQuery(ctx, defaultPopulate));
        const lean = await leanFindOne(strapi, uid, ctx.state.auth, ctx.params.id, query, defaultPopulate);
        if (lean === null) return notPublished(ctx);
        if (lean) return decorated(((await this.transformResponse?.(lean, {})) ?? { data: lean, meta: {} }) as Answer, { list: false, include, locale });
        const documentId = await resolveDocumentId(strapi, uid, ctx.params.id, query.status === 'draft' ? 'draft' : 'published', query.locale);
        if (!documentId) return notPublished(ctx);
        ctx.params.id = documentId;
        ctx.query = query;
        return decorated((await super.findOne(ctx)) as Answer, { list: false, include, locale });
      },
    };
  });
