import { calendarFeedLinks, sessionLinks } from '#domain/feed';

/** "Add to calendar" links open the right session: Google's and Outlook's times parse to the session's UTC times. */

const session = { start: '2027-03-14T03:30:00-04:00', end: '2027-03-14T05:00:00-04:00', status: 'scheduled' as const };
const text = { title: 'Night Owls & friends', details: 'Peer support\n\nhttps://counseling.example/programs/night-owls', location: 'Room 4' };

describe('add to calendar', () => {
  it('Google Calendar: dates in UTC, title, details and place', () => {
    const url = new URL(sessionLinks(session, text).google);
    expect(url.origin + url.pathname).toBe('https://calendar.google.com/calendar/render');
    expect(url.searchParams.get('action')).toBe('TEMPLATE');
    const [start, end] = url.searchParams.get('dates')!.split('/');
    const parse = (value: string) => new Date(value.replace(/^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/, '$1-$2-$3T$4:$5:$6Z')).toISOString();
    expect([parse(start), parse(end)]).toEqual(['2027-03-14T07:30:00.000Z', '2027-03-14T09:00:00.000Z']);
    expect(url.searchParams.get('text')).toBe('Night Owls & friends');
    expect(url.searchParams.get('location')).toBe('Room 4');
    expect(url.searchParams.get('details')).toBe(text.details);
  });

  it('Outlook: startdt and enddt in UTC; a moved session\'s own place', () => {
    const url = new URL(sessionLinks({ ...session, status: 'moved', location: 'Room 2' }, text).outlook);
    expect(url.hostname).toBe('outlook.live.com');
    expect(new Date(url.searchParams.get('startdt')!).toISOString()).toBe('2027-03-14T07:30:00.000Z');
    expect(new Date(url.searchParams.get('enddt')!).toISOString()).toBe('2027-03-14T09:00:00.000Z');
    expect(url.searchParams.get('subject')).toBe('Night Owls & friends');
    expect(url.searchParams.get('location')).toBe('Room 2');
  });

  it('the program\'s .ics on the CMS and its webcal: subscription; none without an absolute public URL', () => {
    expect(calendarFeedLinks('night owls', 'https://cms.example.org/')).toEqual({
      ics: 'https://cms.example.org/api/group-programs/night%20owls/calendar.ics',
      webcal: 'webcal://cms.example.org/api/group-programs/night%20owls/calendar.ics',
    });
    expect(calendarFeedLinks('night-owls', undefined)).toEqual({ ics: null, webcal: null });
  });
});
