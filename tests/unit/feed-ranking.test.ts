import { prepareSchedule, rankByNextSession, startsIn } from '../../src/api/group-program/services/feed/ranking';
import type { Schedule } from '../../src/api/group-program/services/schedule/fields';
import { compileSchedule, startsBetween } from '../../src/api/group-program/services/schedule/recurrence';

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
});
