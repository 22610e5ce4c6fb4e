import { z } from 'zod';
import { fieldError, parseInput } from '../../utils/validation';

/** The feed's query string, declared once (zod): anything unknown or malformed is a 400 naming the parameter. */

const DAY_MS = 24 * 60 * 60 * 1000;
const KINDS = ['support-group', 'group-therapy'] as const;
const FORMATS = ['in-person', 'online', 'hybrid'] as const;
const ISO = /^(\d{4})-(\d{2})-(\d{2})([T ][\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/;

/** An ISO 8601 date (midnight UTC) or date-time; an impossible calendar date (2027-02-30) is refused. */
const instant = (parameter: string) =>
  z.string({ error: `${parameter} must be an ISO 8601 date or date-time, e.g. 2027-01-31` }).transform((value, ctx) => {
    const parts = ISO.exec(value);
    const date = parts ? new Date(value.length === 10 ? `${value}T00:00:00Z` : value) : new Date(NaN);
    const [year, month, day] = (parts ?? []).slice(1, 4).map(Number);
    const calendar = parts ? new Date(Date.UTC(year, month - 1, day)) : undefined;
    const realDay = calendar && calendar.getUTCFullYear() === year && calendar.getUTCMonth() === month - 1 && calendar.getUTCDate() === day;
    if (!parts || Number.isNaN(date.getTime()) || !realDay) {
      ctx.addIssue({ code: 'custom', message: parts ? `${parameter} is not a valid date` : `${parameter} must be an ISO 8601 date or date-time, e.g. 2027-01-31` });
      return z.NEVER;
    }
    return date;
  });

const wholeNumber = (parameter: string, max: number) =>
  z
    .string({ error: `${parameter} must be a whole number from 1 to ${max}` })
    .regex(/^\d{1,6}$/, `${parameter} must be a whole number from 1 to ${max}`)
    .transform(Number)
    .refine((value) => value >= 1 && value <= max, `${parameter} must be a whole number from 1 to ${max}`);

const feedQuerySchema = (paginated: boolean) =>
  z
    .object({
      from: instant('from').optional(),
      to: instant('to').optional(),
      kind: z.enum(KINDS, { error: `kind must be one of ${KINDS.join(', ')}` }).optional(),
      format: z.enum(FORMATS, { error: `format must be one of ${FORMATS.join(', ')}` }).optional(),
      topic: z.string({ error: 'topic must be a topic slug, e.g. grief' }).regex(/^[a-z0-9-]{1,180}$/, 'topic must be a topic slug, e.g. grief').optional(),
      ...(paginated ? { page: wholeNumber('page', 10000).default(1), pageSize: wholeNumber('pageSize', 100).default(25) } : {}),
    })
    .strict();

export interface FeedQuery {
  from: Date;
  to: Date;
  kind?: string;
  topic?: string;
  format?: string;
  page: number;
  pageSize: number;
  /** True when `from` was not given: the answer then moves with the clock. */
  fromIsNow: boolean;
}

export const parseFeedQuery = (
  query: Record<string, unknown>,
  config: { defaultWindowDays: number; maxWindowDays: number },
  { now = new Date(), paginated = true }: { now?: Date; paginated?: boolean } = {}
): FeedQuery => {
  const parsed = parseInput(feedQuerySchema(paginated), query) as {
    from?: Date;
    to?: Date;
    kind?: string;
    format?: string;
    topic?: string;
    page?: number;
    pageSize?: number;
  };
  const fromIsNow = parsed.from === undefined;
  // "Now" is taken to the minute, so answers (and their ETags) hold still for a minute.
  const from = parsed.from ?? new Date(Math.floor(now.getTime() / 60000) * 60000);
  const to = parsed.to ?? new Date(from.getTime() + config.defaultWindowDays * DAY_MS);
  if (to.getTime() <= from.getTime()) throw fieldError('to', 'to must be after from');
  if (to.getTime() - from.getTime() > config.maxWindowDays * DAY_MS) throw fieldError('to', `from and to may be at most ${config.maxWindowDays} days apart`);
  return {
    from,
    to,
    fromIsNow,
    kind: parsed.kind,
    format: parsed.format,
    topic: parsed.topic,
    page: paginated ? (parsed.page ?? 1) : 1,
    pageSize: paginated ? (parsed.pageSize ?? 25) : 100,
  };
};
