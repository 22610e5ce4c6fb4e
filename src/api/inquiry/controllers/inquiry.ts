import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { isCrisis } from '#domain/moderation';
import { consentSentence, isFull } from '#domain/inquiries';
import { floodGate } from '#app/middlewares/flood-control';
import { unavailable } from '#app/middlewares/database-unavailable';
import { ipHash } from '#app/utils/reader-identity';
import { supportFor } from '#app/utils/support';
import { fieldError, parseInput } from '#app/utils/validation';
import { getConfig } from '#app/utils/config';
import { getService } from '#app/utils/services';
import { envelope } from '../../comment/validation';
import { HONEYPOT_FIELD, inquiryCreateSchema, SERVER_FIELDS, type InquiryCreateInput } from '../validation';
import { say } from '#domain/messages';
import { checkedLocale } from '#app/utils/locales';
import { resolveVersion } from '#app/utils/public-read';

const INQUIRY = 'api::inquiry.inquiry';
const PROGRAM = 'api::group-program.group-program';

type Program = { documentId: string; title: string; slug: string; capacity: number | null; seatsTaken: number | null; enrollmentStatus: string | null };

const parseCreate = (strapi: Core.Strapi, body: unknown): InquiryCreateInput => {
  const { data } = parseInput(envelope, body);
  const serverField = SERVER_FIELDS.find((field) => field in data);
  if (serverField) throw fieldError(serverField, `${serverField} is decided by the server and cannot be sent`);
  const { maxMessageLength, phoneCountry } = getConfig(strapi, 'inquiries');
  return parseInput(inquiryCreateSchema(maxMessageLength, phoneCountry), data);
};

/** The answer: received or on the waiting list, and for a person in crisis what the website shows at once. */
const answer = (ctx: Context, strapi: Core.Strapi, waitingList: boolean, crisis: { urgent: boolean; language?: string | null }, programLocale: string | null) => {
  // In the language the message is written in when it is recognised, else the program page's.
  const language = crisis.language ?? programLocale;
  ctx.status = 201;
  ctx.set('Cache-Control', 'no-store');
  ctx.body = {
    data: {
      state: waitingList ? 'waiting-list' : 'received',
      waitingList,
      message: say(language, waitingList ? 'inquiry.waitingList' : 'inquiry.received'),
      ...(crisis.urgent ? { support: supportFor(strapi, language) } : {}),
    },
  };
};

/** POST /api/group-programs/:slug/inquiries: "Ask about this group" (and its waiting list). */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async ask(ctx: Context) {
    const input = parseCreate(strapi, ctx.request.body);
    // `?locale=es`: the program page's version; without it, the slug in any locale (the default locale's first).
    const asked = ctx.query.locale === undefined ? undefined : checkedLocale(strapi, ctx.query.locale);
    const version = await resolveVersion(strapi, PROGRAM, ctx.params.slug, { locale: asked, anyLocale: true });
    const program = version
      ? ((await strapi.db.query(PROGRAM).findOne({
          where: { documentId: version.documentId, publishedAt: { $notNull: true }, ...(version.locale ? { locale: version.locale } : {}) },
          select: ['documentId', 'title', 'slug', 'capacity', 'seatsTaken', 'enrollmentStatus'],
        })) as Program | null)
      : null;
    if (!program || !version) return ctx.notFound(`No published program "${ctx.params.slug}".`);

    // Counted per connection only: a typed address proves nothing, and a 429 for it would tell who else asked.
    await floodGate(ctx).admit([`ip:${ipHash(strapi, ctx.request.ip)}`]);

    // The message goes through the comments' crisis detection (lexicon and learned crisis model), nothing else of it.
    const evaluation = input.message ? await getService(strapi, 'api::comment.moderation').evaluate({ body: input.message, authorEmail: '' }) : null;
    const flags = evaluation?.verdict.flags ?? [];
    const crisis = { urgent: isCrisis(flags), language: evaluation?.facts.language?.code };
    // A crisis phrase of the lexicons, or the learned model alone (which misreads some short questions): the email says which.
    const urgentBecause = !crisis.urgent ? null : flags.some((flag) => isCrisis([flag]) && flag !== 'crisis' && flag !== 'crisis:model') ? ('phrase' as const) : ('model' as const);
    const waitingList = isFull(program);

    // A filled-in honeypot is a bot: the answer anyone gets, nothing stored, nobody emailed.
    if (input[HONEYPOT_FIELD] && input[HONEYPOT_FIELD].trim() !== '') return answer(ctx, strapi, waitingList, crisis, version.locale);

    const data = {
      program: { documentId: program.documentId, ...(version.locale ? { locale: version.locale } : {}) },
      name: input.name,
      email: input.email,
      phone: input.phone ?? undefined,
      preferredContact: input.preferredContact,
      message: input.message || undefined,
      consentVersion: consentSentence().version,
      handling: 'new' as const,
      waitingList,
      urgent: crisis.urgent,
    };
    const created = await strapi
      .documents(INQUIRY)
      .create({ data })
      .catch(async (error: unknown) => {
        await floodGate(ctx).refund();
        throw error;
      });
    // Acknowledge only what is committed (a create cut short by an outage can return before its commit fails).
    if (!(await strapi.db.query(INQUIRY).findOne({ where: { documentId: created.documentId }, select: ['id'] }))) {
      return unavailable(ctx, strapi, `inquiry ${created.documentId} was not committed`);
    }
    void getService(strapi, 'api::inquiry.notify').newInquiry({ ...data, urgentBecause, phone: data.phone ?? null, message: data.message ?? null, documentId: created.documentId, program });
    answer(ctx, strapi, waitingList, crisis, version.locale);
  },
});
