import path from 'path';
import { z } from 'zod';
import { dataDir } from '../data-dir';
import { fileFor, fillPlaceholders, loadLanguageFiles } from '../language-files';

/**
 * What the system says to readers, per language: `data/messages/<language>.yaml`, flat keys with {placeholders}.
 * A language without a file, or a key its file lacks, is said in English (en.yaml has every key).
 */
const file = z.object({ language: z.string().regex(/^[a-z]{2,3}$/) }).catchall(z.string().min(1));
type Messages = Record<string, string> & { language: string };

let loaded: Map<string, Messages> | undefined;
const files = () => (loaded ??= loadLanguageFiles(path.join(dataDir(), 'messages'), file as unknown as z.ZodType<Messages>));

/** The language messages are said in for `language` ("es-MX" → es; English when there is no file). */
export const messageLanguage = (language: string | null | undefined): string => fileFor(files(), language).language;

/** The message `key` in `language`, its {placeholders} filled. */
export const say = (language: string | null | undefined, key: string, values: Record<string, string | number> = {}): string => {
  const text = fileFor(files(), language)[key] ?? files().get('en')![key];
  if (text === undefined) throw new Error(`No message "${key}" in data/messages/en.yaml`);
  return fillPlaceholders(text, values);
};
