import fs from 'fs';
import path from 'path';
import { parse } from 'yaml';
import { z } from 'zod';
import { dataDir } from '../data-dir';

/**
 * What a reader who writes crisis language is shown at once (the `support` object), in their language, with the
 * resources of the practice's country: `data/support/<language>.yaml`, then a deployment's own folder of the same
 * files. A language without a file is answered in English; a country a file does not list gets that language's
 * `international` resources (a directory of helplines).
 */
const resource = z
  .object({
    name: z.string().min(1),
    description: z.string().min(1),
    phone: z.string().optional(),
    sms: z.string().optional(),
    smsBody: z.string().optional(),
    url: z.string().url().optional(),
    /** The official page the wording and numbers were taken from. */
    source: z.string().url().optional(),
  })
  .strict();
const country = z.object({ resources: z.array(resource).min(1), emergency: resource }).strict();
const file = z
  .object({
    language: z.string().regex(/^[a-z]{2,3}$/),
    message: z.string().min(1),
    countries: z.record(z.string().regex(/^(?:[A-Z]{2}|international)$/, 'countries are ISO 3166 codes or "international"'), country),
  })
  .strict();

export type SupportResource = z.infer<typeof resource>;
export type SupportFile = z.infer<typeof file>;

export interface CrisisSupport {
  /** The language the message is written in. */
  language: string;
  message: string;
  resources: SupportResource[];
  emergency: SupportResource;
}

export const builtInSupportDir = () => path.join(dataDir(), 'support');

/** Every support file under `dirs` (later folders replace a language's file); throws naming the file and field. */
export const loadSupportFiles = (dirs: readonly string[]): Map<string, SupportFile> => {
  const files = new Map<string, SupportFile>();
  for (const dir of dirs) {
    for (const name of fs.readdirSync(dir).filter((entry) => entry.endsWith('.yaml')).sort()) {
      const location = path.join(dir, name);
      const parsed = file.safeParse(parse(fs.readFileSync(location, 'utf8')));
      if (!parsed.success) throw new Error(`${location}: ${parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')}`);
      if (`${parsed.data.language}.yaml` !== name) throw new Error(`${location}: language "${parsed.data.language}" must be the file's name`);
      if (!parsed.data.countries.international) throw new Error(`${location}: countries.international is required (the directory for any other country)`);
      files.set(parsed.data.language, parsed.data);
    }
  }
  if (!files.has('en')) throw new Error(`No English support file (en.yaml) in ${dirs.join(', ')}`);
  return files;
};

export interface SupportChoice {
  /** The comment's language (ISO 639-1), or `und`. */
  language: string;
  /** The practice's country (ISO 3166). */
  country: string;
  /** The practice's own line, listed first when set. */
  practice?: SupportResource;
}

export const chooseSupport = (files: Map<string, SupportFile>, choice: SupportChoice): CrisisSupport => {
  const english = files.get('en')!;
  const chosen = files.get(choice.language) ?? english;
  const local = chosen.countries[choice.country] ?? english.countries[choice.country] ?? chosen.countries.international;
  return {
    language: chosen.language,
    message: chosen.message,
    resources: [...(choice.practice ? [choice.practice] : []), ...local.resources],
    emergency: local.emergency,
  };
};
