import type { Core } from '@strapi/strapi';
import { getService } from '#app/utils/services';
import type { Context } from 'koa';
import { z } from 'zod';
import { schedulePanel, type ScheduleFields } from '#domain/schedule';
import { parseInput } from '#app/utils/validation';

/** The panel's admin routes: the form's schedule in, the sessions and warnings out; a next term on request. */
const text = (field: string) => z.string({ error: `${field} must be text` }).max(64).nullish();
const count = (field: string) => z.number({ error: `${field} must be a number` }).int(`${field} must be a whole number`).nullish();
const sessionChange = z
  .object({
    kind: z.enum(['cancel', 'move', 'extra'], { error: 'kind must be cancel, move or extra' }).nullish(),
    date: text('date'),
    newDate: text('newDate'),
    startTime: text('startTime'),
    // Any number: a length out of range or not whole is the change's problem, named on its row (as saving names it).
    durationMinutes: z.number({ error: 'durationMinutes must be a number' }).nullish(),
    // The component's own limits (src/components/program/session-change.json): what saving would refuse.
    location: z.string({ error: 'location must be text' }).max(200, 'location must be at most 200 characters').nullish(),
    reason: z.string({ error: 'reason must be text' }).max(200, 'reason must be at most 200 characters').nullish(),
  })
  .passthrough();
const isDate = (value: string | null | undefined) => /^\d{4}-\d{2}-\d{2}/.test(value ?? '');
const previewBody = z
  .object({
    kind: text('kind'),
    /** The program being edited, if it exists: the answer then says whether its published version is left out of the feed. */
    documentId: text('documentId'),
    schedule: z
      .object({
        timezone: text('timezone'),
        firstSessionDate: text('firstSessionDate'),
        startTime: text('startTime'),
        durationMinutes: count('durationMinutes'),
        repeats: text('repeats'),
        interval: count('interval'),
        weeksOfMonth: text('weeksOfMonth'),
        shortMonths: text('shortMonths'),
        ends: text('ends'),
        sessionCount: count('sessionCount'),
        endDate: text('endDate'),
        skippedDates: z.array(z.object({ date: z.string().max(32).nullish(), reason: z.string().max(255).nullish() }).passthrough()).max(520).nullish(),
        sessionChanges: z.array(sessionChange).max(520).nullish(),
      })
      .passthrough(),
  })
  .strict();
const nextTermBody = z
  .object({
    documentId: z.string({ error: 'documentId is required' }).min(1).max(64),
    gapWeeks: z.number({ error: 'gapWeeks must be a number' }).int().min(0, 'gapWeeks must be 0 or more').max(52, 'gapWeeks must be at most 52').default(0),
  })
  .strict();

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async preview(ctx: Context) {
    const { schedule, kind, documentId } = parseInput(previewBody, ctx.request.body);
    // A change is checked once it says what happens and to which date, by the rules saving applies; its problems
    // name its row in the form (the rows still being typed left out in between).
    const checked = (schedule.sessionChanges ?? []).map((entry, row) => ({ entry, row })).filter(({ entry }) => entry.kind && isDate(entry.date));
    const fields = {
      ...schedule,
      // The form keeps repeatable components with their own keys and may hold half-typed dates.
      skippedDates: (schedule.skippedDates ?? []).filter((entry) => isDate(entry.date)).map((entry) => ({ date: String(entry.date).slice(0, 10), reason: entry.reason ?? null })),
      sessionChanges: checked.map(({ entry: { kind, date, newDate, startTime, durationMinutes, location, reason } }) => ({
        kind, date: String(date).slice(0, 10), newDate: newDate || null, startTime: startTime || null, durationMinutes: durationMinutes ?? null, location: location ?? null, reason: reason ?? null,
      })),
    } as ScheduleFields;
    const holidays = getService(strapi, 'plugin::schedule-panel.holidays');
    const panel = schedulePanel({ schedule: fields, kind, now: new Date(), holidayOn: (date) => holidays.holidayOn(date) });
    const leftOut = documentId ? await getService(strapi, 'api::group-program.feed').leftOutReason(documentId) : null;
    const problems = panel.problems.map((problem) => ({ ...problem, field: problem.field.replace(/^sessionChanges\.(\d+)/, (_, index: string) => `sessionChanges.${checked[Number(index)]?.row ?? index}`) }));
    ctx.body = { data: { ...panel, problems, leftOut } };
  },

  async nextTerm(ctx: Context) {
    const { documentId, gapWeeks } = parseInput(nextTermBody, ctx.request.body);
    ctx.status = 201;
    ctx.body = { data: await getService(strapi, 'plugin::schedule-panel.next-term').create(documentId, gapWeeks) };
  },
});
