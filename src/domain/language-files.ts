import fs from 'fs';
import path from 'path';
import { parse } from 'yaml';
import type { z } from 'zod';

/**
 * Files per language in one folder of `data/` (`<language>.yaml`, each naming its `language`), checked by `schema`:
 * a file that does not parse, or names another language than its own, throws naming the file and field. English
 * must be there: it is what a language without a file falls back to.
 */
export const loadLanguageFiles = <T extends { language: string }>(dir: string, schema: z.ZodType<T>): Map<string, T> => {
  const files = new Map<string, T>();
  for (const name of fs.readdirSync(dir).filter((entry) => entry.endsWith('.yaml')).sort()) {
    const location = path.join(dir, name);
    const parsed = schema.safeParse(parse(fs.readFileSync(location, 'utf8')));
    if (!parsed.success) throw new Error(`${location}: ${parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')}`);
    if (`${parsed.data.language}.yaml` !== name) throw new Error(`${location}: language "${parsed.data.language}" must be the file's name`);
    files.set(parsed.data.language, parsed.data);
  }
  if (!files.has('en')) throw new Error(`No English file (en.yaml) in ${dir}`);
  return files;
};

/** The file of `language` ("es-MX" → es), English when there is none. */
export const fileFor = <T>(files: Map<string, T>, language: string | null | undefined): T =>
  files.get((language ?? 'en').toLowerCase().split('-')[0]) ?? files.get('en')!;

/** `text` with each {name} replaced by its value (values are not read again for placeholders). */
export const fillPlaceholders = (text: string, values: Record<string, string | number>) =>
  text.replace(/\{(\w+)\}/g, (placeholder, name: string) => (name in values ? String(values[name]) : placeholder));
