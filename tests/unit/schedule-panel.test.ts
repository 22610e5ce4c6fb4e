import { nextMatchingDate, plainDate, schedulePanel, type SessionChangeFields } from '#domain/schedule';

const THANKSGIVING = new Map([['2027-11-25', 'Thanksgiving Day']]);
const holidayOn = (date: string) => THANKSGIVING.get(date) ?? null;
const now = new Date('2027-09-01T12:00:00Z');
const weekly = {
  timezone: 'America/New_York',
  firstSessionDate: '2027-10-07',
  startTime: '18:00',
  durationMinutes: 90,
  repeats: 'weekly' as const,
  ends: 'after-sessions' as const,
  sessionCount: 8,
};

describe('the editors’ sessions panel', () => {
  it('lists the sessions as readers will see them, how many remain and the last one', () => {
    const panel = schedulePanel({ schedule: weekly, kind: 'group-therapy', now, holidayOn });
    expect(panel.complete).toBe(true);
    expect(panel.summary).toMatch(/Every Thursday, 6:00–7:30 pm/);
    expect(panel.sessions.map((session) => session.date)).toEqual(['2027-10-07', '2027-10-14', '2027-10-21', '2027-10-28', '2027-11-04', '2027-11-11', '2027-11-18', '2027-11-25']);
    expect(panel.sessions[0]).toMatchObject({ weekday: 'Thursday', time: '6:00–7:30 pm', start: '2027-10-07T22:00:00.000Z' });
    expect(panel.sessions[5].start).toBe('2027-11-11T23:00:00.000Z');
    expect(panel.remaining).toBe(8);
    expect(panel.lastSession).toBe('2027-11-25');
  });

  it('warns of a session on a public holiday, with the skipped dates one click away', () => {
    const holiday = schedulePanel({ schedule: weekly, now, holidayOn }).warnings.find((warning) => warning.kind === 'holiday');
    expect(holiday?.dates).toEqual([{ date: '2027-11-25', note: 'Thanksgiving Day' }]);
    expect(holiday?.fix).toEqual({ label: 'Skip these dates', skippedDates: [{ date: '2027-11-25', reason: 'Thanksgiving Day' }] });
    const skipped = schedulePanel({ schedule: { ...weekly, skippedDates: [{ date: '2027-11-25', reason: 'Thanksgiving Day' }] }, now, holidayOn });
    expect(skipped.warnings.map((warning) => warning.kind)).not.toContain('holiday');
    expect(skipped.lastSession).toBe('2027-12-02');
  });

  it('warns of a change of the clocks inside the program', () => {
    const dst = schedulePanel({ schedule: weekly, now, holidayOn }).warnings.find((warning) => warning.kind === 'dst');
    expect(dst?.dates).toEqual([{ date: '2027-11-07', note: 'clocks go back one hour' }]);
    const summer = schedulePanel({ schedule: { ...weekly, firstSessionDate: '2027-06-03' }, now: new Date('2027-05-01T00:00:00Z'), holidayOn });
    expect(summer.warnings.map((warning) => warning.kind)).not.toContain('dst');
  });

  it('shows where a session is held when the clocks skip its start time', () => {
    const panel = schedulePanel({ schedule: { ...weekly, startTime: '02:30', firstSessionDate: '2027-03-07' }, now: new Date('2027-03-01T00:00:00Z'), holidayOn });
    const skippedHour = panel.sessions.find((session) => session.date === '2027-03-14');
    expect(skippedHour?.heldAt).toBe('03:30: the clocks skip 02:30 that day');
    expect(panel.sessions.filter((session) => session.heldAt)).toHaveLength(1);
  });

  it('offers the next matching date when the first date is not in the chosen weeks of the month', () => {
    const schedule = { ...weekly, repeats: 'monthly-by-weekday' as const, weeksOfMonth: 'first' as const, firstSessionDate: '2027-10-14' };
    const panel = schedulePanel({ schedule, now, holidayOn });
    const warning = panel.warnings.find((entry) => entry.kind === 'first-date');
    expect(warning?.fix).toEqual({ label: 'Start on Thursday 2027-11-04', firstSessionDate: '2027-11-04' });
    expect(nextMatchingDate(plainDate('2027-10-14'), [-1]).toString()).toBe('2027-10-28');
  });

  it('offers an end to a therapy group that never ends, and lists an ongoing group for two years', () => {
    const ongoing = { ...weekly, ends: 'never' as const, sessionCount: null };
    const therapy = schedulePanel({ schedule: ongoing, kind: 'group-therapy', now, holidayOn });
    expect(therapy.warnings.find((warning) => warning.kind === 'no-end')?.fix).toEqual({ label: 'End after 8 sessions', ends: 'after-sessions', sessionCount: 8 });
    const support = schedulePanel({ schedule: ongoing, kind: 'support-group', now, holidayOn });
    expect(support.warnings.map((warning) => warning.kind)).not.toContain('no-end');
    expect(support.remaining).toBeNull();
    expect(support.lastSession).toBeNull();
    expect(support.sessions).toHaveLength(10);
  });

  it('says what is missing while the schedule is incomplete', () => {
    const panel = schedulePanel({ schedule: { ...weekly, sessionCount: null }, now, holidayOn });
    expect(panel.complete).toBe(false);
    expect(panel.problems).toEqual([{ field: 'sessionCount', message: 'Enter how many sessions the program has' }]);
    expect(schedulePanel({ schedule: {}, now, holidayOn }).complete).toBe(false);
  });
});

// The form's session changes applied: each session's status, and the save-time problems on their rows.
const panelWith = (sessionChanges: SessionChangeFields[]) => schedulePanel({ schedule: { ...weekly, sessionChanges }, now, holidayOn });

describe('the sessions panel with session changes', () => {
  it('lists a cancelled session with its reason, a moved one with where it was, and an extra one', () => {
    const panel = panelWith([
      { kind: 'cancel', date: '2027-10-14', reason: 'The facilitator is ill' },
      { kind: 'move', date: '2027-10-21', newDate: '2027-10-22', startTime: '19:00', location: 'Room 2' },
      { kind: 'extra', date: '2027-11-01', startTime: '17:00', durationMinutes: 60 },
    ]);
    expect(panel.problems).toEqual([]);
    const byDate = Object.fromEntries(panel.sessions.map((session) => [session.date, session]));
    expect(byDate['2027-10-07']).toMatchObject({ status: 'scheduled', sessionDate: '2027-10-07' });
    expect(byDate['2027-10-14']).toMatchObject({ status: 'cancelled', reason: 'The facilitator is ill', time: '6:00–7:30 pm', sessionDate: '2027-10-14' });
    expect(byDate['2027-10-21']).toBeUndefined();
    expect(byDate['2027-10-22']).toMatchObject({ status: 'moved', sessionDate: '2027-10-21', previousStart: '2027-10-21T22:00:00.000Z', start: '2027-10-22T23:00:00.000Z', time: '7:00–8:30 pm', location: 'Room 2' });
    expect(byDate['2027-11-01']).toMatchObject({ status: 'scheduled', extra: true, time: '5:00–6:00 pm' });
    expect(panel.sessions.map((session) => session.date)).toEqual([...panel.sessions.map((session) => session.date)].sort());
  });

  it('drops the holiday warning once the holiday’s session is cancelled', () => {
    expect(panelWith([]).warnings.map((warning) => warning.kind)).toContain('holiday');
    const cancelled = panelWith([{ kind: 'cancel', date: '2027-11-25', reason: 'Thanksgiving' }]);
    expect(cancelled.warnings.map((warning) => warning.kind)).not.toContain('holiday');
    expect(cancelled.lastSession).toBe('2027-11-18');
  });

  it('offers no skipped date for a session moved or added on a holiday: skipping would not remove it', () => {
    const moved = panelWith([{ kind: 'move', date: '2027-11-25', startTime: '10:00', location: 'Room 2' }]);
    expect(moved.problems).toEqual([]);
    expect(moved.warnings.map((warning) => warning.kind)).not.toContain('holiday');
    const extra = panelWith([
      { kind: 'cancel', date: '2027-11-25', reason: 'Thanksgiving' },
      { kind: 'extra', date: '2027-11-25', startTime: '10:00' },
    ]);
    expect(extra.problems).toEqual([]);
    expect(extra.warnings.map((warning) => warning.kind)).not.toContain('holiday');
  });

  it('gives a bad change the save-time problem on its row, and still lists the sessions', () => {
    const noReason = panelWith([{ kind: 'cancel', date: '2027-10-14', reason: ' ' }]);
    expect(noReason.problems).toEqual([{ field: 'sessionChanges.0.reason', message: 'Tell readers why this session is cancelled' }]);
    expect(noReason.complete).toBe(true);
    expect(noReason.sessions.length).toBeGreaterThan(0);
    const onto = panelWith([{ kind: 'move', date: '2027-10-14', newDate: '2027-10-21' }]);
    expect(onto.problems).toEqual([{ field: 'sessionChanges.0.newDate', message: '2027-10-21 already has a session of the series: choose another date' }]);
    const notASession = panelWith([{ kind: 'cancel', date: '2027-10-15', reason: 'Ill' }]);
    expect(notASession.problems[0]).toMatchObject({ field: 'sessionChanges.0.date', message: '2027-10-15 is not a session of this series: choose one of its dates' });
  });
});
