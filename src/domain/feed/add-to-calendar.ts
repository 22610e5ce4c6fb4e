import type { Session } from '#domain/schedule';

/**
 * "Add to calendar" links: Google Calendar and Outlook.com compose links for one session (times in UTC), and a
 * program's own .ics file with its webcal: subscription address. Pure.
 */

export interface SessionLinks {
  google: string;
  outlook: string;
}

interface EventText {
  title: string;
  details: string;
  location?: string | null;
}

/** 20270105T230000Z: Google's `dates` form, always UTC. */
const googleUtc = (iso: string) => `${new Date(iso).toISOString().slice(0, 19).replace(/[-:]/g, '')}Z`;
/** 2027-01-05T23:00:00Z: Outlook's `startdt`/`enddt`, UTC. */
const isoUtc = (iso: string) => `${new Date(iso).toISOString().slice(0, 19)}Z`;

export const sessionLinks = (session: Session, text: EventText): SessionLinks => {
  const location = session.location ?? text.location ?? '';
  // Strings, not URL objects: a program list links every listed session of every program.
  const google = `https://calendar.google.com/calendar/render?${new URLSearchParams({
    action: 'TEMPLATE',
    text: text.title,
    dates: `${googleUtc(session.start)}/${googleUtc(session.end)}`,
    details: text.details,
    ...(location ? { location } : {}),
  }).toString()}`;
  const outlook = `https://outlook.live.com/calendar/0/deeplink/compose?${new URLSearchParams({
    path: '/calendar/action/compose',
    rru: 'addevent',
    subject: text.title,
    startdt: isoUtc(session.start),
    enddt: isoUtc(session.end),
    body: text.details,
    ...(location ? { location } : {}),
  }).toString()}`;
  return { google, outlook };
};

/** The program's calendar file on the CMS and its webcal: address; null without an absolute public URL (PUBLIC_URL). */
export const calendarFeedLinks = (slug: string, publicUrl: string | undefined, locale?: string) => {
  if (!publicUrl || !/^https?:\/\//i.test(publicUrl)) return { ics: null, webcal: null };
  const ics = `${publicUrl.replace(/\/+$/, '')}/api/group-programs/${encodeURIComponent(slug)}/calendar.ics${locale ? `?locale=${encodeURIComponent(locale)}` : ''}`;
  return { ics, webcal: ics.replace(/^https?:/i, 'webcal:') };
};

/**
 * A program's `addToCalendar` with its compose links: the .ics and webcal: addresses, Google and Outlook links for
 * `first` (its next session; null links when it has none), and for each listed session that is held, by start.
 */
export const programCalendarLinks = (
  program: { slug: string; title: string; summary: string; location?: string | null },
  url: string,
  publicUrl: string | undefined,
  first: Session | undefined,
  listed: readonly Session[],
  locale?: string
) => {
  const text = { title: program.title, details: `${program.summary}\n\n${url}`, location: program.location };
  return {
    ...calendarFeedLinks(program.slug, publicUrl, locale),
    ...(first ? sessionLinks(first, text) : { google: null, outlook: null }),
    sessions: listed.filter((session) => session.status !== 'cancelled').map((session) => ({ start: session.start, ...sessionLinks(session, text) })),
  };
};
