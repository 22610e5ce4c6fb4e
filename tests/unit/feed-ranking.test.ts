import { holdsWindowsFrom, prepareSchedule, rankByNextSession, spreadOf, startsIn } from '#domain/feed';
import { compileSchedule, type Schedule, startsBetween } from '#domain/schedule';

const weekly = (firstSessionDate: string, startTime = '18:00:00.000'): Schedule => ({
  timezone: 'America/New_York',
  firstSessionDate,
  startTime,
  durationMinutes: 90,
  repeats: 'weekly',
  ends: 'never',
});
const now = Date.parse('2027-01-01T12:00:00Z');

describe('ranking', () => {
  it('reads starts from the horizon, and from the rule outside it, the same either way', () => {
    const compiled = compileSchedule(weekly('2027-01-05'));
    const prepared = prepareSchedule(compiled, now);
    const inside = [new Date('2027-02-01T00:00:00Z'), new Date('2027-03-01T00:00:00Z')] as const;
    const outside = [new Date('2029-02-01T00:00:00Z'), new Date('2029-03-01T00:00:00Z')] as const;
    expect(startsIn(prepared, ...inside)).toEqual(startsBetween(compiled, ...inside));
    expect(startsIn(prepared, ...inside)).toHaveLength(4);
    expect(startsIn(prepared, ...outside)).toEqual(startsBetween(compiled, ...outside));
    expect(startsIn(prepared, ...outside)).toHaveLength(4);
  });

  it('keeps programs meeting in the window, by next session then title', () => {
    const candidate = (title: string, schedule: Schedule) => ({ documentId: title, title, topicSlugs: [], prepared: prepareSchedule(compileSchedule(schedule), now) });
    const ranked = rankByNextSession(
      [candidate('Later', weekly('2027-01-07')), candidate('B', weekly('2027-01-05')), candidate('A', weekly('2027-01-05')), candidate('Summer', weekly('2027-06-01'))],
      new Date('2027-01-01T00:00:00Z'),
      new Date('2027-02-01T00:00:00Z')
    );
    expect(ranked.map((item) => item.title)).toEqual(['A', 'B', 'Later']);
    expect(new Date(ranked[0].nextMs).toISOString()).toBe('2027-01-05T23:00:00.000Z');
  });

  it('keeps a horizon for at least a week, renews it on a day that depends on the program, and reads the same starts after', () => {
    const DAY = 24 * 60 * 60 * 1000;
    const compiled = compileSchedule(weekly('2027-01-05'));
    const prepared = prepareSchedule(compiled, now, { windowDays: 366, spreadDays: 10 });
    // `now` is noon: a week later to the hour, and the last hour of the week's last day, still hold.
    for (let day = 0; day <= 7; day += 1) expect(holdsWindowsFrom(prepared, now + day * DAY, 366)).toBe(true);
    expect(holdsWindowsFrom(prepared, now + 7 * DAY + 11 * 3600 * 1000, 366)).toBe(true);
    expect(holdsWindowsFrom(prepared, now + 20 * DAY, 366)).toBe(false);
    expect(holdsWindowsFrom(prepared, now - 2 * DAY, 366)).toBe(false); // before the horizon
    const later = now + 20 * DAY;
    const renewed = prepareSchedule(compiled, later, { windowDays: 366, spreadDays: 10 });
    expect(holdsWindowsFrom(renewed, later, 366)).toBe(true);
    const window = [new Date(later), new Date(later + 366 * DAY)] as const;
    expect(startsIn(renewed, ...window)).toEqual(startsBetween(compiled, ...window));
    expect(startsIn(renewed, ...window)).toHaveLength(52); // Tuesdays in 366 days from a Thursday
  });

  it('spreads programs over four weeks, the same way in every process', () => {
    const ids = Array.from({ length: 400 }, (_, index) => `doc${index}x${(index * 7919).toString(36)}`);
    const spreads = ids.map(spreadOf);
    expect(spreads.every((days) => Number.isInteger(days) && days >= 0 && days < 28)).toBe(true);
    expect(new Set(spreads).size).toBe(28);
    expect(ids.map(spreadOf)).toEqual(spreads);
  });
});
