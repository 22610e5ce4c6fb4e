import fs from 'fs';
import path from 'path';
import { parse } from 'yaml';
import { z } from 'zod';
import { dataDir } from '../data-dir';

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

const load = (): Map<string, ScheduleWords> => {
  const dir = path.join(dataDir(), 'schedule-words');
  const words = new Map<string, ScheduleWords>();
  for (const name of fs.readdirSync(dir).filter((entry) => entry.endsWith('.yaml')).sort()) {
    const location = path.join(dir, name);
    const parsed = file.safeParse(parse(fs.readFileSync(location, 'utf8')));
    if (!parsed.success) throw new Error(`${location}: ${parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')}`);
    if (`${parsed.data.language}.yaml` !== name) throw new Error(`${location}: language "${parsed.data.language}" must be the file's name`);
    words.set(parsed.data.language, parsed.data);
  }
  if (!words.has('en')) throw new Error(`No English schedule words (en.yaml) in ${dir}`);
  return words;
};

let loaded: Map<string, ScheduleWords> | undefined;

/** The words of `language` ("es", "es-MX" → es), English when there is no file for it. */
export const scheduleWords = (language = 'en'): ScheduleWords => {
  loaded ??= load();
  return loaded.get(language.toLowerCase().split('-')[0]) ?? loaded.get('en')!;
};

/** The languages schedules read in. */
export const scheduleLanguages = (): string[] => {
  loaded ??= load();
  return [...loaded.keys()];
};

/** `template` with each {name} replaced. */
export const fill = (text: string, values: Record<string, string | number>) =>
  text.replace(/\{(\w+)\}/g, (placeholder, name: string) => (name in values ? String(values[name]) : placeholder));
