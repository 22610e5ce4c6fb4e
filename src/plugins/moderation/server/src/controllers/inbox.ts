import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { z } from 'zod';
import { parseInput } from '#app/utils/validation';
import { supportFor } from '#app/utils/support';
import { STATUSES } from '../services/decisions';
import { TABS } from '../services/queue';
import { getService } from '#app/utils/services';

/** The inbox's admin routes: parse and validate, call a service, answer. Every route requires a plugin permission. */
const queueQuery = z.object({
  tab: z.enum(TABS, { error: `tab must be one of ${TABS.join(', ')}` }).default('urgent'),
  page: z.coerce.number({ error: 'page must be a number' }).int('page must be a whole number').min(1, 'page must be 1 or more').default(1),
  pageSize: z.coerce.number({ error: 'pageSize must be a number' }).int('pageSize must be a whole number').min(1).max(100, 'pageSize must be at most 100').default(25),
});
const decision = z
  .object({
    documentIds: z.array(z.string().min(1).max(64), { error: 'documentIds must be a list of comment ids' }).min(1, 'documentIds must name at least one comment').max(200, 'documentIds holds at most 200 comments'),
    status: z.enum(STATUSES, { error: `status must be one of ${STATUSES.join(', ')}` }),
  })
  .strict();
const undo = z.object({ batchId: z.string({ error: 'batchId is required' }).uuid('batchId must be the id a decision returned') }).strict();
const reply = z
  .object({
    body: z.string({ error: 'body is required' }).trim().min(1, 'body must not be empty').max(5000, 'body must be at most 5000 characters'),
    confirmDisclosure: z.boolean({ error: 'confirmDisclosure must be true or false' }).optional(),
  })
  .strict();
const documentIds = z.array(z.string().min(1).max(64), { error: 'documentIds must be a list of comment ids' }).min(1, 'documentIds must name at least one comment').max(200, 'documentIds holds at most 200 comments');
const review = z.object({ documentIds }).strict();
const urgency = z.object({ documentIds, urgent: z.boolean({ error: 'urgent must be true or false' }) }).strict();
const supportQuery = z.object({ language: z.string().regex(/^[a-z]{2,3}$/, 'language must be an ISO 639 code such as "es"').default('en') }).strict();

const actorOf = (ctx: Context) => `admin:${(ctx.state.user as { email: string }).email}`;

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const service = <Name extends 'queue' | 'decisions' | 'attention' | 'practice'>(name: Name) => getService(strapi, `plugin::moderation.${name}`);
  return {
    async queue(ctx: Context) {
      const { tab, page, pageSize } = parseInput(queueQuery, ctx.query);
      const [items, counts] = await Promise.all([service('queue').list(tab, page, pageSize), service('queue').counts()]);
      ctx.body = { data: items, meta: { tab, page, pageSize, counts, undoSeconds: strapi.plugin('moderation').config('undoSeconds') } };
    },
    async counts(ctx: Context) {
      ctx.body = { data: await service('queue').counts() };
    },
    async decide(ctx: Context) {
      const { documentIds, status } = parseInput(decision, ctx.request.body);
      ctx.body = { data: await service('decisions').decide(documentIds, status, actorOf(ctx)) };
    },
    async undo(ctx: Context) {
      const { batchId } = parseInput(undo, ctx.request.body);
      ctx.body = { data: await service('decisions').undo(batchId, actorOf(ctx)) };
    },
    async reply(ctx: Context) {
      const { body, confirmDisclosure } = parseInput(reply, ctx.request.body);
      ctx.status = 201;
      ctx.body = { data: await service('practice').reply(String(ctx.params.documentId), body, actorOf(ctx), confirmDisclosure) };
    },
    async review(ctx: Context) {
      const input = parseInput(review, ctx.request.body);
      ctx.body = { data: await service('attention').review(input.documentIds, actorOf(ctx)) };
    },
    async urgency(ctx: Context) {
      const input = parseInput(urgency, ctx.request.body);
      ctx.body = { data: await service('attention').setUrgency(input.documentIds, input.urgent, actorOf(ctx)) };
    },
    async sendResources(ctx: Context) {
      ctx.body = { data: await service('practice').sendResources(String(ctx.params.documentId), actorOf(ctx)) };
    },
    async support(ctx: Context) {
      const { language } = parseInput(supportQuery, ctx.query);
      ctx.body = { data: supportFor(strapi, language) };
    },
  };
};
