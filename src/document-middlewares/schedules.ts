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
 * written in the saved locale's words). Strapi copies a shared field to the other locales' versions in the same
 * state (a draft's to the drafts; a publish's to the published versions): each of those versions is read again
 * from its own schedule, in its own words, and a published version only when something was published.
 */
export const scheduleMiddleware =
  (strapi: Core.Strapi): Modules.Documents.Middleware.Middleware =>
  async (context, next) => {
    if (context.uid !== PROGRAM) return next();
    if (context.action === 'publish') {
      const result = await next();
      const documentId = (context.params as { documentId?: string }).documentId;
      if (documentId) await summariseVersions(strapi, documentId, 'published');
      return result;
    }
    if (context.action !== 'create' && context.action !== 'update') return next();
    const params = context.params as { data?: ProgramData; documentId?: string; locale?: unknown; status?: string };
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
    if (data.schedule !== undefined && documentId) {
      await summariseVersions(strapi, documentId, 'draft');
      if (params.status === 'published') await summariseVersions(strapi, documentId, 'published');
    }
    return result;
  };

/**
 * Each draft (or each published) version of a program reads its own stored schedule in its locale's words: a
 * draft's change never reaches a published version's summary.
 */
const summariseVersions = async (strapi: Core.Strapi, documentId: string, state: 'draft' | 'published') => {
  const versions: Array<{ id: number; locale: string | null; scheduleSummary: string | null; schedule: ScheduleFields | null }> = await strapi.db.query(PROGRAM).findMany({
    where: { documentId, publishedAt: state === 'draft' ? { $null: true } : { $notNull: true } },
    select: ['id', 'locale', 'scheduleSummary'],
    populate: { schedule: true },
  });
  for (const version of versions) {
    const scheduleSummary = version.schedule && isComplete(version.schedule) ? describeSchedule(version.schedule, version.locale ?? undefined) : null;
    if (scheduleSummary !== version.scheduleSummary) await strapi.db.query(PROGRAM).update({ where: { id: version.id }, data: { scheduleSummary } });
  }
};
