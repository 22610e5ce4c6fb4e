import type { Core, Modules } from '@strapi/strapi';
import { getConfig } from '../utils/config';
import { errors } from '@strapi/utils';
import { canonicalTimeZone, describeSchedule, isComplete, validateSchedule, type ScheduleFields } from '#domain/schedule';
import { isNewTranslation, writeLocale } from './translations';

const PROGRAM = 'api::group-program.group-program';

type ProgramData = { kind?: string; schedule?: ScheduleFields | null };

/**
 * Every save of a group program (admin panel, REST, Document Service) checks its schedule: group therapy is
 * time-limited, sessions last 15 minutes to 8 hours, an end date follows the start, the time zone exists. The
 * admin panel shows the messages on the fields. An empty time zone gets the configured default, and a time zone is
 * stored by its canonical IANA name ("america/new_york" → America/New_York, Asia/Calcutta → Asia/Kolkata).
 * The schedule is shared by a program's locales; its summary in words is each locale's own (`scheduleSummary`,
 * written in the saved locale's words, and rewritten in the other locales' after a save that changes the schedule).
 */
export const scheduleMiddleware =
  (strapi: Core.Strapi): Modules.Documents.Middleware.Middleware =>
  async (context, next) => {
    if (context.uid !== PROGRAM || (context.action !== 'create' && context.action !== 'update')) return next();
    const params = context.params as { data?: ProgramData; documentId?: string; locale?: unknown };
    const data = params.data;
    if (!data) return next();
    const locale = writeLocale(strapi, PROGRAM, params.locale)!;
    // A program's first version in another locale (its schedule is the document's) gets its summary in that locale's words.
    const newVersion = await isNewTranslation(strapi, PROGRAM, context.action, params);
    if (data.schedule === undefined && data.kind === undefined && !newVersion) return next();

    if (data.schedule) {
      const timezone = data.schedule.timezone || getConfig(strapi, 'feed').defaultTimezone;
      data.schedule.timezone = canonicalTimeZone(timezone) ?? timezone;
    }

    let { kind, schedule } = data;
    if ((kind === undefined || schedule === undefined) && params.documentId) {
      const current = (await strapi.documents(PROGRAM).findOne({
        documentId: params.documentId,
        fields: ['kind'],
        populate: { schedule: true },
      })) as ProgramData | null;
      kind ??= current?.kind;
      schedule = schedule === undefined ? current?.schedule : schedule;
    }
    if (!schedule) return next();

    const problems = validateSchedule(schedule, kind);
    if (problems.length > 0) {
      throw new errors.ValidationError(problems.length === 1 ? problems[0].message : `${problems.length} errors occurred`, {
        errors: problems.map((problem) => ({ ...problem, name: 'ValidationError', value: undefined })),
      });
    }
    // What readers will see, shown to editors in the list and on the form once saved.
    (data as ProgramData & { scheduleSummary?: string | null }).scheduleSummary = isComplete(schedule) ? describeSchedule(schedule, locale) : null;
    const result = await next();
    const documentId = params.documentId ?? (result as { documentId?: string } | null)?.documentId;
    if (data.schedule !== undefined && documentId) await summariseOtherLocales(strapi, documentId, locale, schedule);
    return result;
  };

/** The other locales' versions of a program read its (shared) schedule in their own words. */
const summariseOtherLocales = async (strapi: Core.Strapi, documentId: string, saved: string, schedule: ScheduleFields) => {
  const others: Array<{ id: number; locale: string | null }> = await strapi.db.query(PROGRAM).findMany({ where: { documentId, locale: { $ne: saved } }, select: ['id', 'locale'] });
  for (const version of others) {
    const scheduleSummary = isComplete(schedule) ? describeSchedule(schedule, version.locale ?? undefined) : null;
    await strapi.db.query(PROGRAM).update({ where: { id: version.id }, data: { scheduleSummary } });
  }
};
