import type { Temporal } from 'temporal-polyfill';
import { plainDate, plainTime, type Schedule, type SessionChangeFields, type SessionChangeKind } from './fields';
import { instantOf } from './zone';

/**
 * One session changed: a session of the series cancelled or moved, or an extra session. They are RFC 5545
 * overrides of the series (RECURRENCE-ID, RDATE), not a new rule: the RRULE, its COUNT and its UNTIL stay as they
 * were, so a cancelled session still counts among "after N sessions" and subscribed calendars update in place.
 * A change whose date is not a session of the series (a row stored past validation) is ignored. Pure.
 */

export interface ChangedSession {
  kind: SessionChangeKind;
  /** The session's own date (cancel, move) or the extra's date. */
  date: Temporal.PlainDate;
  /** Wall-clock start of the series' session (cancel, move; RECURRENCE-ID), or of the extra (its RDATE). */
  originalStart: Temporal.PlainDateTime;
  originalStartMs: number;
  /** Where the session is held: the original for a cancel, the new one for a move, the extra's own. */
  start: Temporal.PlainDateTime;
  startMs: number;
  durationMinutes: number;
  location?: string;
  reason?: string;
}

export interface CompiledChanges {
  /** In the order of their (new) start. */
  changes: ChangedSession[];
  /** Local dates whose series session is cancelled or moved away: left out of the pattern's sessions. */
  changedDates: Set<string>;
  /** Moved and extra sessions by their start instant. */
  byStart: Map<number, ChangedSession>;
}

export const EMPTY_CHANGES: CompiledChanges = { changes: [], changedDates: new Set(), byStart: new Map() };

const readDate = (value: string | null | undefined) => {
  if (!value) return null;
  try {
    return plainDate(value);
  } catch {
    return null;
  }
};

const readTime = (value: string | null | undefined) => {
  if (!value) return null;
  try {
    return plainTime(value);
  } catch {
    return null;
  }
};

const text = (value: string | null | undefined) => (value && value.trim() ? value.trim() : undefined);

/**
 * The schedule's changes, each resolved against its series: `sessionOn(date)` is the series' wall-clock start on a
 * local date (skipped dates and the series' end applied), or null. The first change about a date wins.
 */
export const compileChanges = (
  schedule: Schedule,
  timeZone: string,
  sessionOn: (date: Temporal.PlainDate) => Temporal.PlainDateTime | null
): CompiledChanges => {
  const entries = schedule.sessionChanges ?? [];
  if (entries.length === 0) return EMPTY_CHANGES;
  const seriesTime = plainTime(schedule.startTime);
  const changes: ChangedSession[] = [];
  const seen = new Set<string>();
  for (const entry of entries as SessionChangeFields[]) {
    const date = readDate(entry.date);
    if (!date || !entry.kind || seen.has(`${entry.kind === 'extra' ? 'extra' : 'series'}:${date}`)) continue;
    const durationMinutes = entry.durationMinutes ?? schedule.durationMinutes;
    const shared = { kind: entry.kind, date, durationMinutes, location: text(entry.location), reason: text(entry.reason) };
    if (entry.kind === 'extra') {
      const start = date.toPlainDateTime(readTime(entry.startTime) ?? seriesTime);
      const startMs = instantOf(timeZone, start);
      changes.push({ ...shared, originalStart: start, originalStartMs: startMs, start, startMs });
    } else {
      const original = sessionOn(date);
      if (!original) continue;
      const originalStartMs = instantOf(timeZone, original);
      if (entry.kind === 'cancel') {
        changes.push({ ...shared, durationMinutes: schedule.durationMinutes, location: undefined, originalStart: original, originalStartMs, start: original, startMs: originalStartMs });
      } else {
        const start = (readDate(entry.newDate) ?? date).toPlainDateTime(readTime(entry.startTime) ?? original.toPlainTime());
        changes.push({ ...shared, originalStart: original, originalStartMs, start, startMs: instantOf(timeZone, start) });
      }
    }
    seen.add(`${entry.kind === 'extra' ? 'extra' : 'series'}:${date}`);
  }
  // An extra at the original start of a session cancelled or moved (past validation) would share its RECURRENCE-ID.
  const overridden = new Set(changes.filter((change) => change.kind !== 'extra').map((change) => change.originalStartMs));
  const kept = changes.filter((change) => change.kind !== 'extra' || !overridden.has(change.originalStartMs));
  changes.length = 0;
  changes.push(...kept);
  changes.sort((a, b) => a.startMs - b.startMs);
  return {
    changes,
    changedDates: new Set(changes.filter((change) => change.kind !== 'extra').map((change) => change.date.toString())),
    byStart: new Map(changes.filter((change) => change.kind !== 'cancel').map((change) => [change.startMs, change])),
  };
};

/** Moved and extra sessions' starts (epoch ms) in [fromMs, toMs). */
export const changedStartsBetween = (compiled: CompiledChanges, fromMs: number, toMs: number) =>
  compiled.changes.filter((change) => change.kind !== 'cancel' && change.startMs >= fromMs && change.startMs < toMs).map((change) => change.startMs);

/** Cancelled sessions whose original start is in [fromMs, toMs). */
export const cancelledBetween = (compiled: CompiledChanges, fromMs: number, toMs: number) =>
  compiled.changes.filter((change) => change.kind === 'cancel' && change.startMs >= fromMs && change.startMs < toMs);
