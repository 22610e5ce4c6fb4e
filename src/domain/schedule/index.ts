/**
 * A group program's schedule as plain TypeScript (no Strapi): the editor's fields (`fields.ts`), the rules they
 * must meet (`validate.ts`), their RFC 5545 recurrence and sessions (`recurrence.ts`) placed in the program's zone
 * (`zone.ts`, `time-zones.ts`), one session cancelled, moved or added (`changes.ts`, checked by `session-changes.ts`), the reader's summary (`describe.ts`) and the editors' Sessions panel (`panel.ts`).
 */
export {
  intervalOf, isComplete, meetsOnLastDay, ordinalsOf, plainDate, plainTime, weekdayOf,
  type Ends, type Repeats, type Schedule, type ScheduleFields, type Session, type SessionChangeFields, type SessionChangeKind, type SessionStatus,
  type ShortMonths, type WeeksOfMonth,
} from './fields';
export { compileSchedule, seriesSessionOn, sessionAt, sessionsRemaining, sessionsToList, startsBetween, type CompiledSchedule } from './recurrence';
export { type ChangedSession } from './changes';
export { validateSchedule, YEARS_AHEAD, YEARS_BACK } from './validate';
export { describeSchedule, timeRange } from './describe';
export { scheduleLanguages, scheduleWords, type ScheduleWords } from './words';
export { canonicalTimeZone } from './time-zones';
export { instantOf, isoWithOffset, offsetAt, offsetString, transitionsBetween, wallClockAt } from './zone';
export { nextMatchingDate, schedulePanel, type Fix, type PanelAnswer, type PanelInput, type PanelSession, type Warning } from './panel';
