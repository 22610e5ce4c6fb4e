import { factories } from '@strapi/strapi';
import type { Context } from 'koa';
import type { Core } from '@strapi/strapi';
import { publicReadQuery, resolveDocumentId, type SluggedContentType } from './public-read';

type Populate = Record<string, unknown>;

/**
 * A core controller whose reads are safe for websites: drafts stay private, relations a page needs are
 * populated unless the client narrows `populate`, and `findOne` accepts a slug as well as a documentId.
 */
export const createPublicReadController = (uid: SluggedContentType, defaultPopulate: Populate) =>
  factories.createCoreController(uid, ({ strapi }: { strapi: Core.Strapi }) => ({
    async find(ctx: Context) {
      ctx.query = publicReadQuery(ctx, defaultPopulate);
      return super.find(ctx);
    },

    async findOne(ctx: Context) {
      const query = publicReadQuery(ctx, defaultPopulate);
      const documentId = await resolveDocumentId(strapi, uid, ctx.params.id, query.status === 'draft' ? 'draft' : 'published');
      if (!documentId) return ctx.notFound(`No ${uid.split('.').pop()} "${ctx.params.id}" is published.`);
      ctx.params.id = documentId;
      ctx.query = query;
      return super.findOne(ctx);
    },
  }));
