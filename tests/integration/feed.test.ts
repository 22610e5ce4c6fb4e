import ICAL from 'ical.js';
import { partialInput } from '../helpers/content';
import { seedDemoContent } from '../../src/seed/demo-content';
import { SEED_ARTICLE } from '../../src/seed/seed-article';
import { adminToken, fullAccessApiToken } from '../helpers/auth';
import { startStrapi, type TestApp } from '../helpers/strapi';

const PROGRAM = 'api::group-program.group-program';
const WINDOW = 'from=2027-01-01&to=2027-02-01';

let app: TestApp;
const ids: Record<string, string> = {};
const programs = () => app.strapi.documents(PROGRAM);

type Item = Record<string, any>;
const feed = async (query = WINDOW) => {
  const res = await app.http().get(`/api/group-programs/upcoming?${query}`).expect(200);
  return res.body as { data: Item[]; meta: Record<string, any> };
};
const slugs = async (query = WINDOW) => (await feed(query)).data.map((item) => item.slug);

const schedule = (overrides: Record<string, unknown>) => ({
  timezone: 'America/New_York',
  startTime: '18:00:00.000',
  durationMinutes: 90,
  repeats: 'weekly',
  interval: 1,
  ends: 'never',
  ...overrides,
});

const createProgram = async (key: string, data: Record<string, unknown>, publish = true) => {
  const program = await programs().create({
    data: { kind: 'support-group', summary: `${key} summary`, format: 'in-person', enrollmentStatus: 'open', cancelled: false, ...data } as never,
    ...(publish ? { status: 'published' as const } : {}),
  });
  ids[key] = program.documentId;
  return program;
};

beforeAll(async () => {
  app = await startStrapi();
  const topic = async (name: string) => (await app.strapi.documents('api::topic.topic').create({ data: partialInput<'api::topic.topic'>({ name }) })).documentId;
  const grief = await topic('Grief');
  const depression = await topic('Depression');

  await createProgram('weekly', {
    title: 'Weekly Grief Circle',
    topics: [grief],
    capacity: 12,
    seatsTaken: 4,
    location: 'Main office',
    facilitator: { name: 'Maria Alvarez', credentials: 'LCSW' },
    schedule: schedule({ firstSessionDate: '2027-01-05' }),
  });
  await createProgram('therapy', {
    title: 'Depression Group (8 weeks)',
    kind: 'group-therapy',
    format: 'online',
    topics: [depression],
    cost: '$40 per session',
    schedule: schedule({ firstSessionDate: '2027-01-11', startTime: '17:30:00.000', ends: 'after-sessions', sessionCount: 8, skippedDates: [{ date: '2027-01-18', reason: 'MLK Day' }] }),
  });
  await createProgram('twice', {
    title: 'Grief Support Twice Monthly',
    format: 'hybrid',
    topics: [grief],
    schedule: schedule({ firstSessionDate: '2027-01-07', startTime: '19:00:00.000', repeats: 'monthly-by-weekday', weeksOfMonth: 'first-and-third' }),
  });
  await createProgram('finished', {
    title: 'Finished Therapy Group',
    kind: 'group-therapy',
    schedule: schedule({ firstSessionDate: '2026-06-01', ends: 'after-sessions', sessionCount: 6 }),
  });
  await createProgram('cancelled', { title: 'Cancelled Group', cancelled: true, schedule: schedule({ firstSessionDate: '2027-01-04' }) });
  await createProgram('draft', { title: 'Draft Group', schedule: schedule({ firstSessionDate: '2027-01-04' }) }, false);
  await createProgram('later', { title: 'Summer Workshop', schedule: schedule({ firstSessionDate: '2027-06-01', repeats: 'once' }) });
});
afterAll(async () => {
  await app?.stop();
});

describe('GET /api/group-programs/upcoming', () => {
  it('lists published, non-cancelled programs meeting in the window, by next session', async () => {
    const { data, meta } = await feed();
    expect(data.map((item) => item.slug)).toEqual(['weekly-grief-circle', 'grief-support-twice-monthly', 'depression-group-8-weeks']);
    expect(meta).toEqual({
      // Dates are midnight in DEFAULT_TIMEZONE (America/New_York).
      window: { from: '2027-01-01T05:00:00.000Z', to: '2027-02-01T05:00:00.000Z' },
      pagination: { page: 1, pageSize: 25, pageCount: 1, total: 3 },
    });
  });

  it('describes each program with its schedule, sessions and enrollment', async () => {
    const { data } = await feed();
    const weekly = data[0];
    expect(weekly).toMatchObject({
      documentId: ids.weekly,
      title: 'Weekly Grief Circle',
      kind: 'support-group',
      summary: 'weekly summary',
      topics: [{ name: 'Grief', slug: 'grief' }],
      format: 'in-person',
      location: 'Main office',
      facilitator: { name: 'Maria Alvarez', credentials: 'LCSW' },
      enrollment: { status: 'open', seatsLeft: 8 },
      schedule: { timezone: 'America/New_York', rrule: 'FREQ=WEEKLY;INTERVAL=1;BYDAY=TU', summary: 'Every Tuesday, 6:00–7:30 pm' },
      nextSession: { start: '2027-01-05T18:00:00-05:00', end: '2027-01-05T19:30:00-05:00' },
      sessionsRemaining: null,
    });
    expect(weekly.upcomingSessions.map((session: { start: string }) => session.start)).toEqual([
      '2027-01-05T18:00:00-05:00',
      '2027-01-12T18:00:00-05:00',
      '2027-01-19T18:00:00-05:00',
      '2027-01-26T18:00:00-05:00',
    ]);

    const therapy = data[2];
    expect(therapy.schedule.exdates).toEqual(['2027-01-18T17:30:00-05:00']);
    expect(therapy.upcomingSessions.map((session: { start: string }) => session.start)).toEqual(['2027-01-11T17:30:00-05:00', '2027-01-25T17:30:00-05:00']);
    expect(therapy.sessionsRemaining).toBe(8);
    expect(therapy.schedule.summary).toBe('Every Monday, 5:30–7:00 pm, 8 sessions');
  });

  it('with include=jsonLd, embeds a schema.org EventSeries and each listed session as an Event of it', async () => {
    const { data } = await feed(`${WINDOW}&include=jsonLd`);
    const series = (item: Item) => item.jsonLd['@graph'][0];
    expect(data[2].jsonLd['@context']).toBe('https://schema.org');
    expect(series(data[2])).toMatchObject({
      '@type': 'EventSeries',
      name: 'Depression Group (8 weeks)',
      eventAttendanceMode: 'https://schema.org/OnlineEventAttendanceMode',
      location: { '@type': 'VirtualLocation' },
      eventSchedule: { '@type': 'Schedule', repeatFrequency: 'P1W', byDay: 'https://schema.org/Monday', repeatCount: 8, startTime: '17:30', endTime: '19:00', scheduleTimezone: 'America/New_York', exceptDate: ['2027-01-18'] },
      organizer: { '@type': 'Organization' },
      offers: { '@type': 'Offer', price: 40, priceCurrency: 'USD', availability: 'https://schema.org/InStock' },
    });
    expect(series(data[1]).eventAttendanceMode).toBe('https://schema.org/MixedEventAttendanceMode');
    expect(series(data[1]).eventSchedule).toMatchObject({ repeatFrequency: 'P1M', byMonthWeek: [1, 3], byDay: 'https://schema.org/Thursday' });
    expect(series(data[0]).location).toMatchObject({ '@type': 'Place', name: 'Main office' });

    const events = data[2].jsonLd['@graph'].slice(1);
    expect(events.map((event: Item) => event.startDate)).toEqual(data[2].upcomingSessions.map((session: { start: string }) => session.start));
    expect(events[0]).toMatchObject({
      '@type': 'Event',
      name: 'Depression Group (8 weeks)',
      startDate: '2027-01-11T17:30:00-05:00',
      endDate: '2027-01-11T19:00:00-05:00',
      eventStatus: 'https://schema.org/EventScheduled',
      eventAttendanceMode: 'https://schema.org/OnlineEventAttendanceMode',
      location: { '@type': 'VirtualLocation' },
      organizer: { '@type': 'Organization' },
      offers: { '@type': 'Offer', price: 40, validFrom: expect.any(String) },
      superEvent: { '@id': series(data[2])['@id'] },
    });
  });

  it('drops finished programs and lists a program only when it meets before `to`', async () => {
    expect(await slugs('from=2026-06-01&to=2026-07-01')).toContain('finished-therapy-group');
    expect(await slugs('from=2026-07-20&to=2026-08-20')).not.toContain('finished-therapy-group');
    expect(await slugs('from=2027-05-01&to=2027-06-01')).not.toContain('summer-workshop');
    expect(await slugs('from=2027-05-01&to=2027-06-02')).toContain('summer-workshop');
  });

  it('filters by kind, topic and format', async () => {
    expect(await slugs(`${WINDOW}&kind=group-therapy`)).toEqual(['depression-group-8-weeks']);
    expect(await slugs(`${WINDOW}&topic=grief`)).toEqual(['weekly-grief-circle', 'grief-support-twice-monthly']);
    expect(await slugs(`${WINDOW}&format=hybrid`)).toEqual(['grief-support-twice-monthly']);
    expect(await slugs(`${WINDOW}&topic=no-such-topic`)).toEqual([]);
  });

  it('paginates', async () => {
    const first = await feed(`${WINDOW}&pageSize=2`);
    const second = await feed(`${WINDOW}&pageSize=2&page=2`);
    expect(first.data.map((item) => item.slug)).toEqual(['weekly-grief-circle', 'grief-support-twice-monthly']);
    expect(second.data.map((item) => item.slug)).toEqual(['depression-group-8-weeks']);
    expect(second.meta.pagination).toEqual({ page: 2, pageSize: 2, pageCount: 2, total: 3 });
  });

  it.each([
    ['from=yesterday', 'from'],
    ['from=2027-13-45', 'from'],
    ['from=2027-02-01&to=2027-01-01', 'to'],
    ['from=2027-01-01&to=2028-03-01', 'to'],
    ['kind=therapy', 'kind'],
    ['format=carrier-pigeon', 'format'],
    ['topic=Grief%20Loss', 'topic'],
    ['pageSize=101', 'pageSize'],
    ['page=0', 'page'],
    ['sort=title', 'sort'],
    ['populate=*', 'populate'],
    ['fields=title,price', 'fields'],
    ['include=everything', 'include'],
  ])('answers ?%s with a 400 naming %s', async (query, parameter) => {
    const res = await app.http().get(`/api/group-programs/upcoming?${query}`).expect(400);
    expect(res.body.error.details.errors[0].path).toEqual([parameter]);
  });

  it('defaults to the next 90 days from now', async () => {
    const { meta } = await feed('');
    const from = new Date(meta.window.from).getTime();
    expect(Math.abs(from - Date.now())).toBeLessThan(60_000);
    expect(new Date(meta.window.to).getTime() - from).toBe(90 * 24 * 3600 * 1000);
  });

  it('sends ETag and Cache-Control, and 304 for a matching If-None-Match', async () => {
    const first = await app.http().get(`/api/group-programs/upcoming?${WINDOW}`).expect(200);
    expect(first.headers['cache-control']).toBe('public, max-age=60');
    const etag = first.headers.etag;
    expect(etag).toMatch(/^W\/".+"$/);
    const again = await app.http().get(`/api/group-programs/upcoming?${WINDOW}`).set('If-None-Match', etag).expect(304);
    expect(again.text ?? '').toBe('');
    await app.http().get(`/api/group-programs/upcoming?${WINDOW}&kind=support-group`).set('If-None-Match', etag).expect(200);
  });

  it("304s whatever the request's Cache-Control (Node's fetch sends no-cache with If-None-Match), cached or not", async () => {
    const first = await app.http().get(`/api/group-programs/upcoming?${WINDOW}`).expect(200);
    await app.http().get(`/api/group-programs/upcoming?${WINDOW}`).set('If-None-Match', first.headers.etag).set('Cache-Control', 'no-cache').expect(304);
    app.strapi.service('api::group-program.feed').invalidate();
    await app.http().get(`/api/group-programs/upcoming?${WINDOW}`).set('If-None-Match', `"x", ${first.headers.etag}`).set('Cache-Control', 'no-cache').expect(304);
  });

  it('answers a date-time without an offset with a 400 naming the parameter', async () => {
    const res = await app.http().get('/api/group-programs/upcoming?from=2027-01-01T10:00:00').expect(400);
    expect(res.body.error.details.errors[0]).toMatchObject({ path: ['from'], message: expect.stringMatching(/offset/) });
    await app.http().get('/api/group-programs/upcoming?from=2027-02-30').expect(400);
  });
});

describe('images', () => {
  it("a program's image is in its JSON-LD, series and sessions", async () => {
    const file = await app.strapi.db.query('plugin::upload.file').create({
      data: { name: 'circle.jpg', hash: 'circle', ext: '.jpg', mime: 'image/jpeg', size: 12.5, url: 'https://cdn.counseling.example/circle.jpg', provider: 'local', width: 1600, height: 900 },
    });
    await createProgram('pictured', { title: 'Pictured Circle', image: file.id, schedule: schedule({ firstSessionDate: '2027-01-06' }) });
    const item = (await feed(`${WINDOW}&include=jsonLd`)).data.find((candidate) => candidate.slug === 'pictured-circle')!;
    const graph = item.jsonLd['@graph'] as Item[];
    expect(graph.map((node) => node.image)).toEqual(Array(graph.length).fill(['https://cdn.counseling.example/circle.jpg']));
    await programs().delete({ documentId: ids.pictured });
  });
});

describe('windows to the minute in every time zone', () => {
  it('Auckland: a first session on the 10th at 09:00 local (the 9th, 20:00 UTC) is in a window ending that evening UTC', async () => {
    await createProgram('auckland', {
      title: 'Auckland Evening Group',
      schedule: schedule({ timezone: 'Pacific/Auckland', firstSessionDate: '2027-01-10', startTime: '09:00:00.000' }),
    });
    const inWindow = await feed('from=2027-01-09T00:00:00Z&to=2027-01-09T21:00:00Z');
    const item = inWindow.data.find((candidate) => candidate.slug === 'auckland-evening-group');
    expect(item?.nextSession).toEqual({ start: '2027-01-10T09:00:00+13:00', end: '2027-01-10T10:30:00+13:00', status: 'scheduled' });
    expect(await slugs('from=2027-01-09T00:00:00Z&to=2027-01-09T20:00:00Z')).not.toContain('auckland-evening-group');
    expect(await slugs('from=2027-01-09T20:00:00Z&to=2027-01-09T20:01:00Z')).toContain('auckland-evening-group');
    expect(await slugs('from=2027-01-09T20:00:01Z&to=2027-01-16T19:59:59Z')).not.toContain('auckland-evening-group');
    await programs().delete({ documentId: ids.auckland });
  });

  it('a session whose local time does not exist (02:30 on 14 March 2027 in New York) is held at 03:30 EDT, in JSON and .ics', async () => {
    await createProgram('gap', {
      title: 'Night Shift Peer Group',
      schedule: schedule({ firstSessionDate: '2027-03-07', startTime: '02:30:00.000', durationMinutes: 60, ends: 'after-sessions', sessionCount: 3 }),
    });
    const { data } = await feed('from=2027-03-01&to=2027-04-01&include=jsonLd');
    const item = data.find((candidate) => candidate.slug === 'night-shift-peer-group')!;
    expect(item.upcomingSessions.map((session: { start: string }) => session.start)).toEqual([
      '2027-03-07T02:30:00-05:00',
      '2027-03-14T03:30:00-04:00',
      '2027-03-21T02:30:00-04:00',
    ]);
    expect(item.schedule.summary).toBe('Every Sunday, 2:30–3:30 am, 3 sessions');
    expect(item.jsonLd['@graph'][2].startDate).toBe('2027-03-14T03:30:00-04:00');
    const ics = await app.http().get('/api/group-programs/night-shift-peer-group/calendar.ics').expect(200);
    expect(ics.text).toContain('DTSTART;TZID=America/New_York:20270307T023000');
    expect(ics.text).toContain('RRULE:FREQ=WEEKLY;INTERVAL=1;BYDAY=SU;COUNT=3');
    await programs().delete({ documentId: ids.gap });
  });
});

describe('changes show in the feed at once', () => {
  it('editing and publishing a program', async () => {
    const before = await app.http().get(`/api/group-programs/upcoming?${WINDOW}`).expect(200);
    await programs().update({ documentId: ids.weekly, data: { title: 'Weekly Grief Circle (new room)' } });
    expect((await feed()).data[0].title).toBe('Weekly Grief Circle'); // a saved draft is not public yet
    await programs().publish({ documentId: ids.weekly });
    expect((await feed()).data[0].title).toBe('Weekly Grief Circle (new room)');
    await app.http().get(`/api/group-programs/upcoming?${WINDOW}`).set('If-None-Match', before.headers.etag).expect(200);
  });

  it('renaming a topic', async () => {
    const grief = await app.strapi.documents('api::topic.topic').findFirst({ filters: { slug: 'grief' } });
    await app.strapi.documents('api::topic.topic').update({ documentId: grief!.documentId, data: { name: 'Grief and loss' } });
    expect((await feed()).data[0].topics).toEqual([{ name: 'Grief and loss', slug: 'grief' }]);
  });

  it('unpublishing, cancelling, publishing a new program and deleting', async () => {
    await programs().unpublish({ documentId: ids.twice });
    expect(await slugs()).not.toContain('grief-support-twice-monthly');

    const token = await fullAccessApiToken(app.strapi);
    await app.http().put(`/api/group-programs/${ids.therapy}`).set('Authorization', `Bearer ${token}`).send({ data: { cancelled: true } }).expect(200);
    expect(await slugs()).not.toContain('depression-group-8-weeks');

    await createProgram('fresh', { title: 'New Anxiety Group', schedule: schedule({ firstSessionDate: '2027-01-02' }) });
    expect((await slugs())[0]).toBe('new-anxiety-group');

    await programs().delete({ documentId: ids.fresh });
    expect(await slugs()).not.toContain('new-anxiety-group');
  });
});

describe('calendar files', () => {
  /** Parses a calendar and registers its own VTIMEZONEs, so local times resolve through what we sent. */
  const parse = (text: string) => {
    const calendar = new ICAL.Component(ICAL.parse(text));
    for (const zone of calendar.getAllSubcomponents('vtimezone')) {
      ICAL.TimezoneService.register(new ICAL.Timezone(zone), String(zone.getFirstPropertyValue('tzid')));
    }
    return calendar;
  };
  const occurrences = (component: ICAL.Component, from: string, to: string) => {
    const event = new ICAL.Event(component);
    const iterator = event.iterator();
    const starts: number[] = [];
    for (let next = iterator.next(); next && starts.length < 50; next = iterator.next()) {
      const ms = next.toJSDate().getTime();
      if (ms >= new Date(to).getTime()) break;
      if (ms >= new Date(from).getTime()) starts.push(ms);
    }
    return starts;
  };

  beforeAll(async () => {
    // Put the programs back as the first describe saw them.
    await programs().publish({ documentId: ids.twice });
    await programs().update({ documentId: ids.therapy, data: { cancelled: false } });
    await programs().publish({ documentId: ids.therapy });
  });

  it('/upcoming.ics is valid iCalendar whose occurrences match the JSON feed', async () => {
    const res = await app.http().get(`/api/group-programs/upcoming.ics?${WINDOW}`).expect(200);
    expect(res.headers['content-type']).toMatch(/^text\/calendar/);
    expect(res.headers['cache-control']).toBe('public, max-age=60');
    await app.http().get(`/api/group-programs/upcoming.ics?${WINDOW}`).set('If-None-Match', res.headers.etag).expect(304);
    const calendar = parse(res.text);
    expect(calendar.getAllSubcomponents('vtimezone').map((zone) => zone.getFirstPropertyValue('tzid'))).toEqual(['America/New_York']);
    const events = calendar.getAllSubcomponents('vevent');
    const json = (await feed()).data;
    expect(events.map((event) => event.getFirstPropertyValue('uid')).sort()).toEqual(json.map((item) => `${item.documentId}@counseling.example`).sort());

    for (const item of json) {
      const event = events.find((candidate) => candidate.getFirstPropertyValue('uid') === `${item.documentId}@counseling.example`)!;
      expect(event.getFirstPropertyValue('summary')).toBe(item.title);
      expect(String(event.getFirstPropertyValue('rrule'))).toBe(item.schedule.rrule.replace(/;INTERVAL=1(?=;|$)/, '').replace(/;BYDAY/, ';BYDAY'));
      const fromIcs = occurrences(event, '2027-01-01T00:00:00Z', '2027-02-01T00:00:00Z');
      expect(fromIcs).toEqual(item.upcomingSessions.map((session: { start: string }) => new Date(session.start).getTime()));
    }
  });

  it('keeps UIDs stable between downloads', async () => {
    const first = await app.http().get(`/api/group-programs/upcoming.ics?${WINDOW}`).expect(200);
    const second = await app.http().get(`/api/group-programs/upcoming.ics?${WINDOW}&kind=group-therapy`).expect(200);
    const uidsOf = (text: string) => parse(text).getAllSubcomponents('vevent').map((event) => event.getFirstPropertyValue('uid'));
    expect(uidsOf(first.text)).toEqual(expect.arrayContaining(uidsOf(second.text)));
    expect(uidsOf(second.text)).toEqual([`${ids.therapy}@counseling.example`]);
  });

  it('/:slug/calendar.ics carries the RRULE and EXDATE of one program, through daylight saving time', async () => {
    const res = await app.http().get('/api/group-programs/depression-group-8-weeks/calendar.ics').expect(200);
    expect(res.text).toContain('EXDATE;TZID=America/New_York:20270118T173000');
    const [event] = parse(res.text).getAllSubcomponents('vevent');
    const starts = occurrences(event, '2027-01-01T00:00:00Z', '2028-01-01T00:00:00Z').map((ms) => new Date(ms).toISOString());
    expect(starts).toHaveLength(8);
    expect(starts).not.toContain('2027-01-18T22:30:00.000Z');
    expect(starts[7]).toBe('2027-03-08T22:30:00.000Z');

    const weekly = await app.http().get('/api/group-programs/weekly-grief-circle/calendar.ics').expect(200);
    const [weeklyEvent] = parse(weekly.text).getAllSubcomponents('vevent');
    // 6 pm local on both sides of 14 March 2027.
    expect(occurrences(weeklyEvent, '2027-03-08T00:00:00Z', '2027-03-18T00:00:00Z').map((ms) => new Date(ms).toISOString())).toEqual([
      '2027-03-09T23:00:00.000Z',
      '2027-03-16T22:00:00.000Z',
    ]);
  });

  it("a cancelled program's calendar keeps its events, marked STATUS:CANCELLED", async () => {
    const res = await app.http().get('/api/group-programs/cancelled-group/calendar.ics').expect(200);
    expect(res.text).toContain('STATUS:CANCELLED');
    expect(res.text).not.toContain('STATUS:CONFIRMED');
    const listed = await app.http().get('/api/group-programs/upcoming.ics').expect(200);
    expect(listed.text).not.toContain('Cancelled Group');
  });

  it("a program's own page embeds its JSON-LD; a cancelled one says EventCancelled on the series and its sessions", async () => {
    const weekly = await app.http().get('/api/group-programs/weekly-grief-circle').expect(200);
    const [series, ...events] = weekly.body.data.jsonLd['@graph'];
    expect(series).toMatchObject({ '@type': 'EventSeries', eventStatus: 'https://schema.org/EventScheduled' });
    expect(events.every((event: Item) => event['@type'] === 'Event' && event.superEvent['@id'] === series['@id'])).toBe(true);
    const cancelled = await app.http().get('/api/group-programs/cancelled-group').expect(200);
    const graph = cancelled.body.data.jsonLd['@graph'] as Item[];
    expect(graph.length).toBeGreaterThan(1);
    expect(new Set(graph.map((node) => node.eventStatus))).toEqual(new Set(['https://schema.org/EventCancelled']));
  });

  it('404s for an unknown or unpublished program and 400s for bad filters', async () => {
    await app.http().get('/api/group-programs/no-such-program/calendar.ics').expect(404);
    await app.http().get('/api/group-programs/draft-group/calendar.ics').expect(404);
    await app.http().get('/api/group-programs/upcoming.ics?kind=nope').expect(400);
  });
});

describe('schedule validation on save', () => {
  const restCreate = async (data: Record<string, unknown>) => {
    const token = await fullAccessApiToken(app.strapi);
    return app.http().post('/api/group-programs').set('Authorization', `Bearer ${token}`).send({ data });
  };
  const therapy = (overrides: Record<string, unknown>) => ({
    title: 'Validation Group',
    kind: 'group-therapy',
    summary: 'x',
    format: 'online',
    enrollmentStatus: 'open',
    schedule: schedule({ firstSessionDate: '2027-03-01', ends: 'after-sessions', sessionCount: 8, ...overrides }),
  });

  it.each([
    [{ ends: 'never', sessionCount: null }, ['schedule', 'ends'], /Group therapy is time-limited/],
    [{ sessionCount: null }, ['schedule', 'sessionCount'], /how many sessions/],
    [{ durationMinutes: 10 }, ['schedule', 'durationMinutes'], /between 15 minutes and 8 hours|must be (at least|greater)/],
    [{ ends: 'on-date', endDate: '2027-02-01' }, ['schedule', 'endDate'], /after the first session/],
    [{ timezone: 'Mars/Olympus_Mons' }, ['schedule', 'timezone'], /not a time zone/],
  ])('REST: %j → 400 on %j', async (overrides, path, message) => {
    const before = await app.strapi.db.query(PROGRAM).count();
    const res = await restCreate(therapy(overrides));
    expect(res.status).toBe(400);
    const error = res.body.error.details.errors.find((candidate: { path: string[] }) => candidate.path.join('.') === path.join('.'));
    expect(error?.message ?? res.body.error.message).toMatch(message);
    expect(await app.strapi.db.query(PROGRAM).count()).toBe(before);
  });

  it('the admin panel shows the message when group therapy has no session count', async () => {
    const token = await adminToken(app);
    const res = await app
      .http()
      .post(`/content-manager/collection-types/${PROGRAM}`)
      .set('Authorization', `Bearer ${token}`)
      .send(therapy({ ends: 'after-sessions', sessionCount: null }));
    expect(res.status).toBe(400);
    expect(res.body.error.message).toBe('Enter how many sessions the program has');
    expect(res.body.error.details.errors[0].path).toEqual(['schedule', 'sessionCount']);
  });

  it('changing a support group into group therapy checks its stored schedule', async () => {
    const res = await app.strapi.documents(PROGRAM).update({ documentId: ids.weekly, data: { kind: 'group-therapy' } }).catch((error: Error) => error);
    expect(res).toBeInstanceOf(Error);
    expect((res as Error).message).toMatch(/Group therapy is time-limited/);
  });

  it.each([
    ['america/new_york', 'America/New_York'],
    ['Asia/Calcutta', 'Asia/Kolkata'],
  ])('stores the time zone %s as %s, and serves it so', async (typed, canonical) => {
    const program = await createProgram(`tz-${canonical}`, { title: `Zone ${canonical}`, schedule: schedule({ firstSessionDate: '2027-01-04', timezone: typed }) });
    const stored = await programs().findOne({ documentId: program.documentId, populate: { schedule: true } });
    expect((stored as unknown as { schedule: { timezone: string } }).schedule.timezone).toBe(canonical);
    const ics = await app.http().get(`/api/group-programs/${program.slug}/calendar.ics`).expect(200);
    expect(ics.text).toContain(`TZID:${canonical}`);
    await programs().delete({ documentId: program.documentId });
  });

  it('monthly on the 31st: the editor must choose skip or last day, and the summary says which', async () => {
    const res = await restCreate({ ...therapy({ firstSessionDate: '2027-01-31', repeats: 'monthly-by-date' }), title: 'Month End Group' });
    expect(res.status).toBe(400);
    expect(res.body.error.details.errors.map((error: { path: string[] }) => error.path.join('.'))).toEqual(['schedule.shortMonths']);
    const ok = await restCreate({ ...therapy({ firstSessionDate: '2027-01-31', repeats: 'monthly-by-date', shortMonths: 'last-day' }), title: 'Month End Group' });
    expect(ok.status).toBe(201);
    const stored = await programs().findOne({ documentId: ok.body.data.documentId, fields: ['scheduleSummary'] as never });
    expect((stored as unknown as { scheduleSummary: string }).scheduleSummary).toBe('Monthly on the 31st (the last day in shorter months), 6:00–7:30 pm, 8 sessions');
  });

  it('a one-off with a leftover end date is accepted; sessionCount 0 is exactly one error', async () => {
    const once = await restCreate({ ...therapy({ repeats: 'once', ends: 'on-date', endDate: '2026-01-01' }), title: 'One Evening Workshop' });
    expect(once.status).toBe(201);
    const zero = await restCreate(therapy({ sessionCount: 0 }));
    expect(zero.status).toBe(400);
    expect(zero.body.error.details.errors.filter((error: { path: string[] }) => error.path.join('.') === 'schedule.sessionCount')).toHaveLength(1);
  });

  it('fills an empty time zone with the configured default', async () => {
    const program = await createProgram('tz', { title: 'No Zone Group', schedule: schedule({ firstSessionDate: '2027-01-04', timezone: '' }) });
    const stored = await programs().findOne({ documentId: program.documentId, populate: { schedule: true } });
    expect((stored as unknown as { schedule: { timezone: string } }).schedule.timezone).toBe('America/New_York');
  });
});

describe('articles link to upcoming programs', () => {
  it('the seed article shows the next sessions of its related demo programs', async () => {
    await seedDemoContent(app.strapi);
    const res = await app.http().get(`/api/articles/${SEED_ARTICLE.slug}`).expect(200);
    const upcoming = res.body.data.upcomingPrograms as Item[];
    expect(upcoming.map((item) => item.slug).sort()).toEqual(
      ['depression-therapy-group-8-weeks', 'families-affected-by-substance-use-weekly-support-group', 'grief-support-group', 'grief-therapy-group-6-weeks'].sort()
    );
    const starts = upcoming.map((item) => new Date(item.nextSession.start).getTime());
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
    expect(upcoming[0]).toMatchObject({ schedule: { summary: expect.any(String) }, nextSession: { start: expect.any(String) } });
    expect(upcoming[0]).not.toHaveProperty('jsonLd');
  });

  it('an article without related programs shows programs on its topics', async () => {
    const grief = await app.strapi.documents('api::topic.topic').findFirst({ filters: { slug: 'grief' } });
    const article = await app.strapi.documents('api::article.article').create({
      data: partialInput<'api::article.article'>({ title: 'Coping with grief at the holidays', body: 'x', topics: [grief!.documentId] }),
      status: 'published',
    });
    const res = await app.http().get(`/api/articles/${article.slug}`).expect(200);
    const upcomingSlugs = res.body.data.upcomingPrograms.map((item: Item) => item.slug);
    expect(upcomingSlugs).toEqual(expect.arrayContaining(['grief-support-group', 'grief-therapy-group-6-weeks']));
    expect(upcomingSlugs).not.toContain('depression-therapy-group-8-weeks');
  });

  it('shows the same upcoming programs when the client narrows populate and the answer lacks the relations', async () => {
    const full = await app.http().get(`/api/articles/${SEED_ARTICLE.slug}`).expect(200);
    const slugsOf = (res: { body: { data: { upcomingPrograms: Item[] } } }) => res.body.data.upcomingPrograms.map((item) => item.slug);
    const narrowed = await app.http().get(`/api/articles/${SEED_ARTICLE.slug}?populate[topics][fields][0]=name`).expect(200);
    expect(narrowed.body.data).not.toHaveProperty('relatedPrograms');
    expect(narrowed.body.data.topics[0]).not.toHaveProperty('slug');
    expect(slugsOf(narrowed)).toEqual(slugsOf(full));
    const list = await app.http().get('/api/articles?populate=cover').expect(200);
    const seed = list.body.data.find((article: { slug: string }) => article.slug === SEED_ARTICLE.slug);
    expect(seed.upcomingPrograms.map((item: Item) => item.slug)).toEqual(slugsOf(full));
  });
});
