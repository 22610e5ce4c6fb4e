import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { Temporal } from 'temporal-polyfill';
import { compileSchedule, isComplete, startsBetween, wallClockAt, type ScheduleFields } from '#domain/schedule';

/**
 * "Schedule next term" on a therapy group: a draft copy whose first session is the same weekday after the last
 * session of this term (plus `gapWeeks` weeks without sessions), at the same time, with the same number of
 * sessions; relations kept (topics, articles, facilitator, image), seats, skipped dates and session changes reset, a new slug. The
 * editor reviews and publishes it.
 */
const PROGRAM = 'api::group-program.group-program';

type Program = Record<string, unknown> & {
  title: string;
  kind: string;
  schedule: (ScheduleFields & { id?: number }) | null;
  topics?: Array<{ documentId: string }>;
  articles?: Array<{ documentId: string }>;
  image?: { id: number } | null;
  facilitator?: (Record<string, unknown> & { id?: number }) | null;
};

/** The local date of the last session of a schedule that ends. */
export const lastSessionDate = (schedule: ScheduleFields): Temporal.PlainDate | null => {
  if (!isComplete(schedule)) return null;
  const compiled = compileSchedule(schedule);
  if (!compiled.lastDate) return null;
  const from = new Date(`${schedule.firstSessionDate}T00:00:00Z`).getTime() - 2 * 86_400_000;
  const to = new Date(`${compiled.lastDate.toString()}T00:00:00Z`).getTime() + 3 * 86_400_000;
  const starts = startsBetween(compiled, new Date(from), new Date(to));
  return starts.length > 0 ? wallClockAt(compiled.timeZone, starts[starts.length - 1]).toPlainDate() : null;
};

const withoutIds = <T extends Record<string, unknown>>(value: T): Omit<T, 'id'> => {
  const { id: _id, ...rest } = value;
  return rest;
};

const service = ({ strapi }: { strapi: Core.Strapi }) => ({
  async create(documentId: string, gapWeeks: number): Promise<{ documentId: string; firstSessionDate: string }> {
    const program = (await strapi.documents(PROGRAM).findOne({
      documentId,
      status: 'draft',
      populate: { topics: { fields: ['documentId'] }, articles: { fields: ['documentId'] }, image: true, facilitator: true, schedule: { populate: { skippedDates: true } } },
    })) as unknown as Program | null;
    if (!program) throw new errors.NotFoundError('No such group program.');
    if (program.kind !== 'group-therapy') throw new errors.ValidationError('Only a group-therapy program has terms.', { field: 'documentId' });
    const schedule = program.schedule;
    const last = schedule ? lastSessionDate(schedule) : null;
    if (!schedule || !last || schedule.repeats === 'once') {
      throw new errors.ValidationError('This program has no last session to follow: give it a number of sessions or an end date first.', { field: 'schedule' });
    }
    const first = last.add({ days: 7 * (1 + gapWeeks) });
    const shift = Temporal.PlainDate.from(schedule.firstSessionDate!).until(first);
    const { id: _id, skippedDates: _skipped, ...rest } = schedule;
    const copy = await strapi.documents(PROGRAM).create({
      data: {
        ...Object.fromEntries(['title', 'kind', 'summary', 'description', 'format', 'location', 'capacity', 'enrollmentStatus', 'cost', 'insuranceAccepted', 'ageGroup', 'registrationUrl'].map((field) => [field, program[field]])),
        seatsTaken: 0,
        cancelled: false,
        topics: (program.topics ?? []).map((topic) => topic.documentId),
        articles: (program.articles ?? []).map((article) => article.documentId),
        image: program.image?.id ?? null,
        facilitator: program.facilitator ? withoutIds(program.facilitator) : null,
        schedule: {
          ...rest,
          firstSessionDate: first.toString(),
          endDate: rest.ends === 'on-date' && rest.endDate ? Temporal.PlainDate.from(rest.endDate).add(shift).toString() : rest.endDate ?? null,
          skippedDates: [],
          sessionChanges: [],
        },
      } as never,
    });
    await copyTranslations(strapi, documentId, copy.documentId, program.locale as string | undefined);
    return { documentId: copy.documentId, firstSessionDate: first.toString() };
  },
});

/** The next term in every other language the program is written in: its words, related to the same versions. */
const copyTranslations = async (strapi: Core.Strapi, from: string, to: string, copied: string | null | undefined) => {
  const versions = (await strapi.documents(PROGRAM).findMany({
    status: 'draft',
    locale: '*',
    filters: { documentId: from, ...(copied ? { locale: { $ne: copied } } : {}) },
    fields: ['title', 'summary', 'description', 'cost', 'locale'],
    populate: { topics: { fields: ['documentId'] }, articles: { fields: ['documentId'] } },
  })) as unknown as Array<Program & { locale: string }>;
  for (const version of versions) {
    const link = (items: Array<{ documentId: string }> | undefined) => (items ?? []).map((item) => ({ documentId: item.documentId, locale: version.locale }));
    await strapi.documents(PROGRAM).update({
      documentId: to,
      locale: version.locale,
      data: { title: version.title, summary: version.summary, description: version.description, cost: version.cost, topics: link(version.topics), articles: link(version.articles) } as never,
    });
  }
};

export default service;

declare module '#app/utils/services' {
  interface Services {
    'plugin::schedule-panel.next-term': ReturnType<typeof service>;
  }
}
