import { schedulePanel, type SessionChangeFields } from '#domain/schedule';

/** The Sessions panel with the form's session changes applied: each session's status, and the save-time problems. */
const holidayOn = (date: string) => (date === '2027-11-25' ? 'Thanksgiving Day' : null);
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
