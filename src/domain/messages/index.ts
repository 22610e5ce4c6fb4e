import fs from 'fs';
import path from 'path';
import { parse } from 'yaml';
import { z } from 'zod';
import { dataDir } from '../data-dir';

/**
 * What the system says to readers, per language: `data/messages/<language>.yaml`, flat keys with {placeholders}.
 * A language without a file, or a key its file lacks, is said in English (en.yaml has every key).
 */
const file = z.object({ language: z.string().regex(/^[a-z]{2,3}$/) }).catchall(z.string().min(1));
type Messages = Record<string, string>;

const load = (): Map<string, Messages> => {
  const dir = path.join(dataDir(), 'messages');
  const files = new Map<string, Messages>();
  for (const name of fs.readdirSync(dir).filter((entry) => entry.endsWith('.yaml'))) {
    const location = path.join(dir, name);
    const parsed = file.safeParse(parse(fs.readFileSync(location, 'utf8')));
    if (!parsed.success) throw new Error(`${location}: ${parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')}`);
    if (`${parsed.data.language}.yaml` !== name) throw new Error(`${location}: language "${parsed.data.language}" must be the file's name`);
    files.set(parsed.data.language, parsed.data as Messages);
  }
  if (!files.has('en')) throw new Error(`No English messages (en.yaml) in ${dir}`);
  return files;
};

let loaded: Map<string, Messages> | undefined;

/** The language messages are said in for `language` ("es-MX" → es; English when there is no file). */
export const messageLanguage = (language: string | null | undefined): string => {
  loaded ??= load();
  const code = (language ?? 'en').toLowerCase().split('-')[0];
  return loaded.has(code) ? code : 'en';
};

/** The message `key` in `language`, its {placeholders} filled. */
export const say = (language: string | null | undefined, key: string, values: Record<string, string | number> = {}): string => {
  loaded ??= load();
  const text = loaded.get(messageLanguage(language))?.[key] ?? loaded.get('en')![key];
  if (text === undefined) throw new Error(`No message "${key}" in data/messages/en.yaml`);
  return text.replace(/\{(\w+)\}/g, (placeholder, name: string) => (name in values ? String(values[name]) : placeholder));
};
