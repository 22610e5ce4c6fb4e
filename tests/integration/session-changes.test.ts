import { spawnSync } from 'child_process';
import ICAL from 'ical.js';
import { adminUserToken, fullAccessApiToken } from '../helpers/auth';
import { startHookReceiver } from '../helpers/hook-receiver';
import { startStrapi, type TestApp } from '../helpers/strapi';

/**
 * One session changed, over HTTP: a cancelled session (with its reason), a moved one and an extra one show in the
 * JSON feed, in the .ics (read back by ical.js and by Python's icalendar) and in JSON-LD; the sitemap's lastmod
 * follows; a change the series cannot take is a 400 naming its field, and nothing is stored.
 */

const PROGRAM = 'api::group-program.group-program';
let app: TestApp;
let receiver: Awaited<ReturnType<typeof startHookReceiver>>;

const schedule = (sessionChanges: Array<Record<string, unknown>>) => ({
  timezone: 'America/New_York',
  firstSessionDate: '2027-01-05',
  startTime: '18:00:00.000',
  durationMinutes: 90,
  repeats: 'weekly',
  interval: 1,
  ends: 'after-sessions',
  sessionCount: 12,
  sessionChanges,
});
const CHANGES = [
  { kind: 'cancel', date: '2027-01-12', reason: 'The facilitator is ill' },
  { kind: 'move', date: '2027-01-19', newDate: '2027-01-20', startTime: '19:00:00.000', location: 'Room 2', reason: 'Room 4 is being painted' },
  { kind: 'extra', date: '2027-03-06', startTime: '10:00:00.000', durationMinutes: 120 },
];

beforeAll(async () => {
  receiver = await startHookReceiver();
  app = await startStrapi({ PUBLIC_URL: 'https://cms.example.org', SITE_REBUILD_URLS: receiver.url, SITE_REBUILD_DEBOUNCE_SECONDS: '0.2' });
  await app.strapi.documents(PROGRAM).create({
    data: {
      title: 'Grief Circle', kind: 'group-therapy', summary: 'Peer support after a loss.', format: 'in-person', location: 'Room 4',
      enrollmentStatus: 'open', cancelled: false, schedule: schedule(CHANGES),
    } as never,
    status: 'published',
  });
});

afterAll(async () => {
  await app?.stop();
  await receiver?.close();
});

describe('one session changed, everywhere at once', () => {
  it('the JSON feed lists the cancelled session with its reason, the moved one with its previous start, the extra one', async () => {
    const res = await app.http().get('/api/group-programs/upcoming?from=2027-01-01&to=2027-04-01&include=jsonLd').expect(200);
    const [item] = res.body.data;
    expect(item.upcomingSessions.slice(0, 4)).toEqual([
      { start: '2027-01-05T18:00:00-05:00', end: '2027-01-05T19:30:00-05:00', status: 'scheduled' },
      { start: '2027-01-12T18:00:00-05:00', end: '2027-01-12T19:30:00-05:00', status: 'cancelled', reason: 'The facilitator is ill' },
      {
        start: '2027-01-20T19:00:00-05:00', end: '2027-01-20T20:30:00-05:00', status: 'moved', previousStart: '2027-01-19T18:00:00-05:00',
        reason: 'Room 4 is being painted', location: 'Room 2',
      },
      { start: '2027-01-26T18:00:00-05:00', end: '2027-01-26T19:30:00-05:00', status: 'scheduled' },
    ]);
    expect(item.upcomingSessions).toContainEqual({ start: '2027-03-06T10:00:00-05:00', end: '2027-03-06T12:00:00-05:00', status: 'scheduled', extra: true });
    // 12 sessions, one of them cancelled, and one extra.
    expect(item.sessionsRemaining).toBe(12);
    const events = item.jsonLd['@graph'].filter((node: { '@type': string }) => node['@type'] === 'Event');
    expect(events[1]).toMatchObject({ startDate: '2027-01-12T18:00:00-05:00', eventStatus: 'https://schema.org/EventCancelled' });
    expect(events[2]).toMatchObject({
      startDate: '2027-01-20T19:00:00-05:00', previousStartDate: '2027-01-19T18:00:00-05:00', eventStatus: 'https://schema.org/EventRescheduled',
      location: { '@type': 'Place', name: 'Room 2' },
    });
    expect(events[0].eventStatus).toBe('https://schema.org/EventScheduled');
  });

  it('the program\'s own answer carries its session changes and the same JSON-LD', async () => {
    const res = await app.http().get('/api/group-programs?filters[slug][$eq]=grief-circle').expect(200);
    const [program] = res.body.data;
    expect(program.schedule.sessionChanges.map((change: { kind: string }) => change.kind)).toEqual(['cancel', 'move', 'extra']);
    expect(program.addToCalendar).toMatchObject({ webcal: 'webcal://cms.example.org/api/group-programs/grief-circle/calendar.ics' });
  });

  it('add to calendar: Google and Outlook links parse to each session\'s UTC times; the .ics and webcal: addresses', async () => {
    const lean = await app.http().get('/api/group-programs/upcoming?from=2027-01-01&to=2027-04-01').expect(200);
    expect(lean.body.data[0].addToCalendar.sessions).toBeUndefined();
    const res = await app.http().get('/api/group-programs/upcoming?from=2027-01-01&to=2027-04-01&include=calendarLinks').expect(200);
    const { addToCalendar } = res.body.data[0];
    expect(lean.body.data[0].addToCalendar.google).toBeUndefined();
    expect(lean.body.data[0].addToCalendar.webcal).toBe(addToCalendar.webcal);
    expect(addToCalendar.ics).toBe('https://cms.example.org/api/group-programs/grief-circle/calendar.ics');
    expect(addToCalendar.webcal).toBe('webcal://cms.example.org/api/group-programs/grief-circle/calendar.ics');
    expect(new URL(addToCalendar.google).searchParams.get('dates')).toBe('20270105T230000Z/20270106T003000Z');
    const moved = addToCalendar.sessions.find((session: { start: string }) => session.start === '2027-01-20T19:00:00-05:00');
    expect(new URL(moved.google).searchParams.get('dates')).toBe('20270121T000000Z/20270121T013000Z');
    expect(new URL(moved.google).searchParams.get('location')).toBe('Room 2');
    const outlook = new URL(moved.outlook).searchParams;
    expect([new Date(outlook.get('startdt')!).toISOString(), new Date(outlook.get('enddt')!).toISOString()]).toEqual(['2027-01-21T00:00:00.000Z', '2027-01-21T01:30:00.000Z']);
    // A cancelled session is not offered.
    expect(addToCalendar.sessions.map((session: { start: string }) => session.start)).not.toContain('2027-01-12T18:00:00-05:00');
    await app.http().get(new URL(addToCalendar.ics).pathname).expect(200);
  });

  it('the .ics overrides the two sessions in place (ical.js): RECURRENCE-ID with STATUS:CANCELLED or the new time, an RDATE', async () => {
    const res = await app.http().get('/api/group-programs/grief-circle/calendar.ics').expect(200);
    const calendar = new ICAL.Component(ICAL.parse(res.text));
    const vtimezone = calendar.getFirstSubcomponent('vtimezone')!;
    ICAL.TimezoneService.register(new ICAL.Timezone(vtimezone), 'America/New_York');
    const [master, ...overrides] = calendar.getAllSubcomponents('vevent');
    // The series keeps its rule: 12 sessions, one of them cancelled.
    expect(res.text).toContain('RRULE:FREQ=WEEKLY;INTERVAL=1;BYDAY=TU;COUNT=12');
    expect(res.text).toContain('RDATE;TZID=America/New_York:20270306T100000');
    const event = new ICAL.Event(master, { exceptions: overrides });
    const iterator = event.iterator();
    const seen: string[] = [];
    for (let next = iterator.next(); next; next = iterator.next()) {
      const details = event.getOccurrenceDetails(next);
      const status = details.item.component.getFirstPropertyValue('status');
      seen.push(`${details.startDate.toJSDate().toISOString()} ${status}`);
    }
    expect(seen.sort().slice(0, 4)).toEqual([
      '2027-01-05T23:00:00.000Z CONFIRMED',
      '2027-01-12T23:00:00.000Z CANCELLED',
      '2027-01-21T00:00:00.000Z CONFIRMED',
      '2027-01-26T23:00:00.000Z CONFIRMED',
    ]);
    expect(seen).toHaveLength(13);
  });

  it('Python\'s icalendar reads the same overrides', async () => {
    const res = await app.http().get('/api/group-programs/grief-circle/calendar.ics').expect(200);
    const script = [
      'import sys, icalendar',
      'cal = icalendar.Calendar.from_ical(sys.stdin.read())',
      'for e in cal.walk("VEVENT"):',
      '    rid = e.get("RECURRENCE-ID")',
      '    print(rid.dt.isoformat() if rid else "-", e.decoded("DTSTART").isoformat(), e.get("STATUS"), e.get("UID"))',
    ].join('\n');
    const python = spawnSync('/usr/bin/python3', ['-c', script], { input: res.text, encoding: 'utf8' });
    expect(python.stderr).toBe('');
    const lines = python.stdout.trim().split('\n');
    expect(lines).toHaveLength(4);
    expect(lines.some((line) => /^2027-01-12T18:00:00-05:00 2027-01-12T18:00:00-05:00 CANCELLED /.test(line))).toBe(true);
    expect(lines.some((line) => /^2027-01-19T18:00:00-05:00 2027-01-20T19:00:00-05:00 CONFIRMED /.test(line))).toBe(true);
    expect(new Set(lines.map((line) => line.split(' ')[3])).size).toBe(1);
  });

  it('the sitemap\'s lastmod follows a session change', async () => {
    const lastmod = async () => (await app.http().get('/api/sitemap.xml').expect(200)).text.match(/grief-circle<\/loc><lastmod>([^<]+)</)?.[1];
    const before = await lastmod();
    const [program] = await app.strapi.documents(PROGRAM).findMany({ filters: { slug: 'grief-circle' }, status: 'published' });
    await new Promise((resolve) => setTimeout(resolve, 1100));
    await app.strapi.documents(PROGRAM).update({ documentId: program.documentId, data: { schedule: schedule([...CHANGES, { kind: 'cancel', date: '2027-02-02', reason: 'Snow' }]) } as never, status: 'published' });
    expect(await lastmod()).not.toBe(before);
  });

  it('an editor\'s session change, saved then published in the admin panel, calls the rebuild hook and moves the lastmod', async () => {
    const lastmod = async () => (await app.http().get('/api/sitemap.xml').expect(200)).text.match(/grief-circle<\/loc><lastmod>([^<]+)</)?.[1];
    const [program] = await app.strapi.documents(PROGRAM).findMany({ filters: { slug: 'grief-circle' }, status: 'published' });
    // A save (which clears the kept sitemap), then the rows dated back a year: the change must bring the lastmod
    // forward, whatever the clock's second.
    const before = receiver.calls.length;
    await app.strapi.documents(PROGRAM).update({ documentId: program.documentId, data: { summary: program.summary } as never, status: 'published' });
    await app.strapi.db.connection('group_programs').where({ document_id: program.documentId }).update({ updated_at: new Date('2026-01-01T00:00:00Z') });
    await receiver.waitForCalls(before + 1);
    expect(await lastmod()).toBe('2026-01-01T00:00:00Z');
    const start = receiver.calls.length;
    const editor = await adminUserToken(app, 'strapi-editor', 'editor.sessions@practice.example', 'Editor-pass-123');
    const cm = `/content-manager/collection-types/${PROGRAM}/${program.documentId}`;
    const draft = (await app.http().get(cm).set('Authorization', `Bearer ${editor}`).expect(200)).body.data;
    const sessionChanges = [...draft.schedule.sessionChanges.map(({ id: _id, ...change }: Record<string, unknown>) => change), { kind: 'cancel', date: '2027-02-09', reason: 'Holiday' }];
    const { id: _scheduleId, ...schedule } = draft.schedule;
    await app.http().put(cm).set('Authorization', `Bearer ${editor}`).send({ schedule: { ...schedule, sessionChanges } }).expect(200);
    // A draft save changes nothing the website sees.
    expect(await lastmod()).toBe('2026-01-01T00:00:00Z');
    await app.http().post(`${cm}/actions/publish`).set('Authorization', `Bearer ${editor}`).send({}).expect(200);
    // The publish's call, whatever earlier saves' calls still arrive after `start` (the hook is debounced).
    const publishCall = async () => {
      for (let count = start + 1; ; count += 1) {
        const found = (await receiver.waitForCalls(count)).slice(start).find((call) => JSON.parse(call.body).changes.some((change: { action: string }) => change.action === 'publish'));
        if (found) return found;
      }
    };
    expect(JSON.parse((await publishCall()).body).changes).toEqual([{ uid: PROGRAM, action: 'publish', documentId: program.documentId }]);
    const published = await app.strapi.documents(PROGRAM).findOne({ documentId: program.documentId, status: 'published' });
    expect(await lastmod()).toBe(new Date(published!.updatedAt as string).toISOString().replace(/\.\d{3}Z$/, 'Z'));
    expect(await lastmod()).not.toBe('2026-01-01T00:00:00Z');
    const feed = await app.http().get('/api/group-programs/upcoming?from=2027-02-01&to=2027-03-01').expect(200);
    expect(feed.body.data[0].upcomingSessions).toContainEqual({ start: '2027-02-09T18:00:00-05:00', end: '2027-02-09T19:30:00-05:00', status: 'cancelled', reason: 'Holiday' });
  });
});

describe('a change the series cannot take is a 400 naming the field, nothing stored', () => {
  it.each([
    [{ kind: 'move', date: '2027-01-19', newDate: '2027-01-26' }, 'newDate', /already has a session/],
    [{ kind: 'cancel', date: '2027-01-20', reason: 'Ill' }, 'date', /not a session of this series/],
    [{ kind: 'move', date: '2027-03-07', newDate: '2027-03-14' }, 'date', /not a session/],
    [{ kind: 'extra', date: '2027-03-14', startTime: '02:30:00.000' }, 'startTime', /does not exist on 2027-03-14/],
    [{ kind: 'move', date: '2027-01-19', newDate: '2027-04-01' }, 'newDate', /outside the series/],
    [{ kind: 'cancel', date: '2027-01-19' }, 'reason', /why this session is cancelled/],
  ])('%j → 400 on schedule.sessionChanges.0.%s', async (change, field, message) => {
    const token = await fullAccessApiToken(app.strapi);
    const before = await app.strapi.db.query(PROGRAM).count();
    const res = await app
      .http()
      .post('/api/group-programs')
      .set('Authorization', `Bearer ${token}`)
      .send({ data: { title: 'Bad Change', kind: 'group-therapy', summary: 'x', format: 'in-person', enrollmentStatus: 'open', schedule: schedule([change]) } });
    expect(res.status).toBe(400);
    const error = res.body.error.details.errors.find((candidate: { path: string[] }) => candidate.path.join('.') === `schedule.sessionChanges.0.${field}`);
    expect(error?.message).toMatch(message);
    expect(await app.strapi.db.query(PROGRAM).count()).toBe(before);
  });
});
