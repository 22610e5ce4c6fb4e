/**
 * A group program's schedule as plain TypeScript (no Strapi): the editor's fields (`fields.ts`), the rules they
 * must meet (`validate.ts`), their RFC 5545 recurrence and sessions (`recurrence.ts`) placed in the program's zone
 * (`zone.ts`, `time-zones.ts`), the reader's summary (`describe.ts`) and the editors' Sessions panel (`panel.ts`).
 */
export {
  intervalOf, isComplete, meetsOnLastDay, ordinalsOf, plainDate, plainTime, weekdayOf,
  type Ends, type Repeats, type Schedule, type ScheduleFields, type Session, type ShortMonths, type WeeksOfMonth,
} from './fields';
export { compileSchedule, sessionAt, sessionsRemaining, startsBetween, type CompiledSchedule } from './recurrence';
export { validateSchedule, YEARS_AHEAD, YEARS_BACK } from './validate';
export { describeSchedule, timeRange } from './describe';
export { canonicalTimeZone } from './time-zones';
export { instantOf, isoWithOffset, offsetAt, offsetString, transitionsBetween, wallClockAt } from './zone';
export { nextMatchingDate, schedulePanel, type Fix, type PanelAnswer, type PanelInput, type PanelSession, type Warning } from './panel';
