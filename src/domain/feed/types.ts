import type { ScheduleFields } from '#domain/schedule';

/** What the feed's parts share: its configuration (config/feed.ts) and the program fields it reads. */

export interface FeedConfig {
  /** The CMS's public URL (PUBLIC_URL), for absolute media URLs. */
  publicUrl?: string;
  defaultTimezone: string;
  defaultWindowDays: number;
  maxWindowDays: number;
  maxUpcomingSessions: number;
  cache: { enabled: boolean; ttlSeconds: number };
  organizer: { name: string; url: string };
  programUrlTemplate: string;
  articleUpcomingPrograms: number;
  /** The language of the answer's words (schedules in words, JSON-LD `inLanguage`): the locale read; English when absent. */
  language?: string;
  /** The locale a program's .ics address names (`?locale=es`); absent for the default locale. */
  calendarLocale?: string;
}

export const PROGRAM_FIELDS = [
  'slug', 'title', 'kind', 'summary', 'format', 'location', 'capacity', 'seatsTaken', 'enrollmentStatus', 'cost',
  'insuranceAccepted', 'ageGroup', 'registrationUrl', 'cancelled', 'updatedAt', 'publishedAt',
] as const;

export interface ProgramRow {
  documentId: string;
  cancelled?: boolean | null;
  slug: string;
  title: string;
  kind: string;
  summary: string;
  format: string;
  location?: string | null;
  capacity?: number | null;
  seatsTaken?: number | null;
  enrollmentStatus: string;
  cost?: string | null;
  insuranceAccepted?: boolean | null;
  ageGroup?: string | null;
  registrationUrl?: string | null;
  updatedAt: string;
  publishedAt?: string | null;
  topics?: Array<{ name: string; slug: string }>;
  facilitator?: { name: string; credentials?: string | null } | null;
  image?: { url: string } | null;
  schedule?: ScheduleFields | null;
}

export const programUrl = (template: string, slug: string) => template.replace('{slug}', encodeURIComponent(slug));

/** An uploaded file's URL, absolute (a provider's URL as is, a local upload under the CMS's public URL); null when it cannot be. */
export const absoluteUrl = (url: string | undefined, publicUrl: string | undefined) => {
  if (!url) return null;
  if (/^https?:\/\//i.test(url)) return url;
  return publicUrl && /^https?:\/\//i.test(publicUrl) ? `${publicUrl.replace(/\/+$/, '')}${url.startsWith('/') ? '' : '/'}${url}` : null;
};
