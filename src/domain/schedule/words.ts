import path from 'path';
import { z } from 'zod';
import { dataDir } from '../data-dir';
import { fileFor, fillPlaceholders, loadLanguageFiles } from '../language-files';

/**
 * How a schedule reads in each language: `data/schedule-words/<language>.yaml`, templates with {placeholders}
 * (describe.ts fills them). A language without a file reads in English.
 */
const template = z.string().min(1);
const file = z
  .object({
    language: z.string().regex(/^[a-z]{2,3}$/),
    weekdays: z.array(z.string().min(1)).length(7),
    months: z.array(z.string().min(1)).length(12),
    clock: z.enum(['12h', '24h']),
    date: template,
    dayOfMonth: template,
    ordinals: z.object({ '1': template, '2': template, '3': template, '4': template, '-1': template }).strict(),
    and: template,
    once: template,
    weekly: template,
    everyOtherWeek: template,
    everyNWeeks: template,
    monthlyByWeekday: template,
    everyNMonthsByWeekday: template,
    monthlyByDate: template,
    everyNMonthsByDate: template,
    shortMonthsLastDay: template,
    shortMonthsSkipped: template,
    pattern: template,
    sessions: z.object({ one: template, other: template }).strict(),
    until: template,
  })
  .strict();

export type ScheduleWords = z.infer<typeof file>;

let loaded: Map<string, ScheduleWords> | undefined;
const files = () => (loaded ??= loadLanguageFiles(path.join(dataDir(), 'schedule-words'), file));

/** The words of `language` ("es", "es-MX" → es), English when there is no file for it. */
export const scheduleWords = (language = 'en'): ScheduleWords => fileFor(files(), language);

/** The languages schedules read in. */
export const scheduleLanguages = (): string[] => [...files().keys()];

/** `template` with each {name} replaced. */
export const fill = fillPlaceholders;
