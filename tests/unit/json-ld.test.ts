import { absoluteUrl, type ProgramRow, toJsonLd } from '#domain/feed';
import { compileSchedule, type Schedule, type Session } from '#domain/schedule';

const program: ProgramRow = {
  documentId: 'p1',
  slug: 'grief-circle',
  title: 'Grief Circle',
  kind: 'support-group',
  summary: 'A circle for grief.',
  format: 'in-person',
  location: 'Main office',
  enrollmentStatus: 'open',
  cost: 'Free',
  updatedAt: '2027-01-02T00:00:00.000Z',
  publishedAt: '2027-01-01T00:00:00.000Z',
};
const lastTuesday: Schedule = {
  timezone: 'America/New_York',
  firstSessionDate: '2027-01-26',
  startTime: '18:00:00.000',
  durationMinutes: 90,
  repeats: 'monthly-by-weekday',
  weeksOfMonth: 'last',
  ends: 'never',
};
const sessions: Session[] = [
  { start: '2027-01-26T18:00:00-05:00', end: '2027-01-26T19:30:00-05:00', status: 'scheduled' },
  { start: '2027-02-23T18:00:00-05:00', end: '2027-02-23T19:30:00-05:00', status: 'scheduled' },
];
const jsonLd = (overrides: Partial<ProgramRow> = {}, schedule: Schedule = lastTuesday, image?: string | null) =>
  toJsonLd({
    image,
    program: { ...program, ...overrides },
    compiled: compileSchedule(schedule),
    sessions,
    summary: 'The last Tuesday of each month, 6:00–7:30 pm',
    url: 'https://counseling.example/programs/grief-circle',
    organizer: { name: 'Counseling Practice', url: 'https://counseling.example' },
  });

describe('JSON-LD', () => {
  it('an EventSeries and one Event per listed session, tied to it', () => {
    const [series, ...events] = jsonLd()['@graph'] as Array<Record<string, unknown>>;
    expect(series).toMatchObject({ '@type': 'EventSeries', '@id': 'https://counseling.example/programs/grief-circle#series', startDate: sessions[0].start });
    expect(series.subEvent).toEqual(events.map((event) => ({ '@id': event['@id'] })));
    expect(events).toHaveLength(2);
    expect(events[1]).toMatchObject({
      '@type': 'Event',
      name: 'Grief Circle',
      startDate: '2027-02-23T18:00:00-05:00',
      endDate: '2027-02-23T19:30:00-05:00',
      eventStatus: 'https://schema.org/EventScheduled',
      eventAttendanceMode: 'https://schema.org/OfflineEventAttendanceMode',
      location: { '@type': 'Place', name: 'Main office' },
      organizer: { '@type': 'Organization', name: 'Counseling Practice' },
      offers: { '@type': 'Offer', price: 0, priceCurrency: 'USD', validFrom: '2027-01-01T00:00:00.000Z', availability: 'https://schema.org/InStock' },
      superEvent: { '@id': series['@id'] },
    });
  });

  it('"last" weeks and "last day" months stay within schema.org ranges: said in the description instead', () => {
    const [series] = jsonLd()['@graph'];
    const schedule = (series as { eventSchedule: Record<string, unknown> }).eventSchedule;
    expect(schedule).not.toHaveProperty('byMonthWeek');
    expect(schedule).toMatchObject({ description: 'The last Tuesday of each month, 6:00–7:30 pm', byDay: 'https://schema.org/Tuesday', repeatFrequency: 'P1M' });
    const firstAndLast = jsonLd({}, { ...lastTuesday, firstSessionDate: '2027-01-05', weeksOfMonth: 'first-and-third' })['@graph'][0] as { eventSchedule: Record<string, unknown> };
    expect(firstAndLast.eventSchedule.byMonthWeek).toEqual([1, 3]);
    const monthEnd = jsonLd({}, { ...lastTuesday, firstSessionDate: '2027-01-31', repeats: 'monthly-by-date', shortMonths: 'last-day' })['@graph'][0] as { eventSchedule: Record<string, unknown> };
    expect(monthEnd.eventSchedule).not.toHaveProperty('byMonthDay');
  });

  it('a cancelled program says EventCancelled on the series and every session', () => {
    const graph = jsonLd({ cancelled: true })['@graph'];
    expect(graph.map((node) => node.eventStatus)).toEqual(Array(3).fill('https://schema.org/EventCancelled'));
  });
});

describe('images', () => {
  it('a program with an image gives it, as an absolute URL, to the series and every session', () => {
    const graph = jsonLd({}, lastTuesday, 'https://cms.counseling.example/uploads/circle.jpg')['@graph'] as Array<Record<string, unknown>>;
    expect(graph.map((node) => node.image)).toEqual(Array(3).fill(['https://cms.counseling.example/uploads/circle.jpg']));
    expect(jsonLd()['@graph'][0]).not.toHaveProperty('image');
  });

  it.each([
    ['/uploads/a.jpg', 'https://cms.counseling.example/', 'https://cms.counseling.example/uploads/a.jpg'],
    ['https://cdn.example/a.jpg', '', 'https://cdn.example/a.jpg'],
    ['/uploads/a.jpg', '', null],
    [undefined, 'https://cms.counseling.example', null],
  ])('%s under %j is %s', (url, publicUrl, expected) => {
    expect(absoluteUrl(url, publicUrl)).toBe(expected);
  });
});

describe('online and hybrid programs', () => {
  const virtual = { '@type': 'VirtualLocation', name: 'Online (link sent by the front office)', url: 'https://counseling.example/programs/grief-circle' };
  const withSessions = (overrides: Partial<ProgramRow>, listed: Session[]) =>
    toJsonLd({
      program: { ...program, ...overrides },
      compiled: compileSchedule(lastTuesday),
      sessions: listed,
      summary: 'The last Tuesday of each month',
      url: 'https://counseling.example/programs/grief-circle',
      organizer: { name: 'Counseling Practice', url: 'https://counseling.example' },
    })['@graph'] as Array<Record<string, unknown>>;

  it.each([
    ['in-person', 'https://schema.org/OfflineEventAttendanceMode', { '@type': 'Place', name: 'Main office', address: 'Main office' }],
    ['online', 'https://schema.org/OnlineEventAttendanceMode', virtual],
    ['hybrid', 'https://schema.org/MixedEventAttendanceMode', [{ '@type': 'Place', name: 'Main office', address: 'Main office' }, virtual]],
  ])('%s: %s, located on the series and every session', (format, mode, location) => {
    const graph = jsonLd({ format, registrationUrl: 'https://forms.counseling.example/grief' })['@graph'] as Array<Record<string, unknown>>;
    expect(graph.map((node) => [node.eventAttendanceMode, node.location])).toEqual(Array(3).fill([mode, location]));
  });

  it('the online part points at the program page, never at the registration form; an online program\'s location text is no Place', () => {
    const [series] = withSessions({ format: 'online', location: 'Online (link sent after registration)', registrationUrl: 'https://forms.counseling.example/grief' }, sessions);
    expect(series.location).toEqual(virtual);
    expect(JSON.stringify(series.location)).not.toContain('forms.counseling.example');
  });

  it('a session moved to a room keeps the online part of a hybrid or online program', () => {
    const moved: Session = { start: '2027-02-24T18:00:00-05:00', end: '2027-02-24T19:30:00-05:00', status: 'moved', previousStart: '2027-02-23T18:00:00-05:00', location: 'Room 2' };
    for (const format of ['hybrid', 'online']) {
      const [, event] = withSessions({ format }, [moved]);
      expect(event.location).toEqual([{ '@type': 'Place', name: 'Room 2', address: 'Room 2' }, virtual]);
    }
    expect(withSessions({ format: 'in-person' }, [moved])[1].location).toEqual({ '@type': 'Place', name: 'Room 2', address: 'Room 2' });
  });
});
