import ICAL from 'ical.js';
import { buildCalendar, type CalendarProgram, vtimezone } from '#domain/feed';
import { compileSchedule, type Schedule } from '#domain/schedule';

const schedule: Schedule = {
  timezone: 'America/New_York',
  firstSessionDate: '2027-03-07',
  startTime: '02:30:00.000',
  durationMinutes: 60,
  repeats: 'weekly',
  interval: 1,
  ends: 'after-sessions',
  sessionCount: 4,
  skippedDates: [{ date: '2027-03-21' }],
};
const program = (overrides: Partial<CalendarProgram> = {}): CalendarProgram => ({
  documentId: 'abc123',
  title: 'Night Owls, a group; for "shift" workers',
  summary: 'Peer support\nafter night shifts',
  location: 'Room 4, Main office',
  url: 'https://counseling.example/programs/night-owls',
  updatedAt: '2027-01-02T03:04:05.000Z',
  compiled: compileSchedule(schedule),
  ...overrides,
});
const options = { name: 'Night Owls', organizerName: 'Counseling Practice', uidDomain: 'counseling.example', now: new Date('2026-11-28T00:00:00Z') };

describe('calendar files (ical-generator)', () => {
  const text = buildCalendar([program()], options);
  const event = new ICAL.Component(ICAL.parse(text)).getFirstSubcomponent('vevent')!;

  it('writes the editor\'s local start, the recurrence and the skipped dates by local time', () => {
    expect(text).toContain('DTSTART;TZID=America/New_York:20270307T023000');
    expect(text).toContain('EXDATE;TZID=America/New_York:20270321T023000');
    expect(text).toContain('RRULE:FREQ=WEEKLY;INTERVAL=1;BYDAY=SU;UNTIL=20270404T063000Z');
    expect(event.getFirstPropertyValue('uid')).toBe('abc123@counseling.example');
    expect(event.getFirstPropertyValue('summary')).toBe('Night Owls, a group; for "shift" workers');
    expect(event.getFirstPropertyValue('description')).toBe('Peer support\nafter night shifts\n\nhttps://counseling.example/programs/night-owls');
    expect(event.getFirstPropertyValue('status')).toBe('CONFIRMED');
    expect(text.split('\r\n').every((line) => Buffer.byteLength(line) <= 75)).toBe(true);
  });

  it('escapes the calendar name', () => {
    expect(buildCalendar([program()], { ...options, name: 'Night Owls, a group; for workers' })).toContain('X-WR-CALNAME:Night Owls\\, a group\\; for workers');
  });

  it('a cancelled program keeps its events, marked cancelled', () => {
    const cancelled = buildCalendar([program({ cancelled: true })], options);
    expect(cancelled).toContain('STATUS:CANCELLED');
    expect(cancelled).toContain('SUMMARY:Cancelled: Night Owls');
  });

  it('VTIMEZONE covers every session: a series to 2040 has its 2040 change', () => {
    const long = compileSchedule({ ...schedule, ends: 'on-date', endDate: '2040-12-31', skippedDates: [] });
    const calendar = buildCalendar([program({ compiled: long })], options);
    expect(calendar).toContain('DTSTART:20400311T020000');
    const ongoing = buildCalendar([program({ compiled: compileSchedule({ ...schedule, ends: 'never' }) })], options);
    expect(ongoing).toContain('DTSTART:20361102T020000'); // ten years after now
  });

  it('a zone without changes gets one observance', () => {
    expect(vtimezone('Asia/Kolkata', 2026, 2030)).toBe(
      ['BEGIN:VTIMEZONE', 'TZID:Asia/Kolkata', 'BEGIN:STANDARD', 'DTSTART:20260101T000000', 'TZOFFSETFROM:+0530', 'TZOFFSETTO:+0530', 'END:STANDARD', 'END:VTIMEZONE'].join('\r\n')
    );
  });
});
