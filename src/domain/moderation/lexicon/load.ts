import fs from 'fs';
import path from 'path';
import { isMap, isSeq, LineCounter, parseDocument, type Node as YamlNode } from 'yaml';
import { z } from 'zod';
import { isLexiconKind, LEXICON_KINDS, type LexiconKind } from './kinds';
import { parsePattern, PatternError } from './pattern';

/**
 * Lexicon files (`<dir>/<kind>/<language>.yaml`) read, checked and merged. Every problem is reported with its file
 * and line: a list the kind does not have, a duplicate entry, an unknown macro, a malformed pattern. Later
 * directories add to the lists of earlier ones (a deployment's own words beside the built-in ones).
 */
export class LexiconError extends Error {
  constructor(readonly problems: string[]) {
    super(`Lexicon files have ${problems.length} problem(s):\n${problems.join('\n')}`);
  }
}

const MACRO_NAME = /^[a-z0-9][a-z0-9-]*$/;
const fileSchema = z
  .object({
    kind: z.string(),
    language: z.string().regex(/^[a-z]{2,3}$/, 'language must be an ISO 639 code such as "en"'),
    macros: z.record(z.string().regex(MACRO_NAME, 'macro names are lower-case words with hyphens'), z.union([z.string().min(1), z.array(z.string().min(1)).min(1)])).optional(),
    lists: z.record(z.string(), z.union([z.array(z.string()), z.record(z.string(), z.string())])),
  })
  .strict();

/** One language's lists of one kind, merged over every directory. */
export type LanguageLists = Record<string, string[] | Record<string, string>>;

export interface LexiconSet {
  /** Language → list name → entries (patterns and words, macros expanded) or word map. */
  readonly byKind: Record<LexiconKind, Record<string, LanguageLists>>;
  /** Where the set came from (for messages). */
  readonly files: string[];
}

const expandMacros = (entry: string, macros: Record<string, string>, at: string, problems: string[]): string => {
  let text = entry;
  for (let depth = 0; depth < 10 && text.includes('{'); depth += 1) {
    text = text.replace(/\{([^{}]*)\}/g, (whole, name: string) => {
      if (macros[name] !== undefined) return macros[name];
      problems.push(`${at}: unknown macro {${name}} (defined: ${Object.keys(macros).join(', ') || 'none'})`);
      return name;
    });
  }
  return text;
};

const lineOf = (node: YamlNode | null | undefined, lines: LineCounter) => (node?.range ? lines.linePos(node.range[0]).line : 0);

/** One file: checked against the schema of its kind; its entries with macros expanded. */
const readFile = (file: string, problems: string[]): { kind: LexiconKind; language: string; lists: LanguageLists } | undefined => {
  const lines = new LineCounter();
  const document = parseDocument(fs.readFileSync(file, 'utf8'), { lineCounter: lines, uniqueKeys: true });
  for (const error of document.errors) problems.push(`${file}:${error.linePos?.[0].line ?? 0}: ${error.message.split('\n')[0]}`);
  const parsed = fileSchema.safeParse(document.toJS());
  if (!parsed.success) {
    for (const issue of parsed.error.issues) problems.push(`${file}:${lineOf(document.getIn(issue.path as string[], true) as YamlNode, lines)}: ${issue.path.join('.') || 'file'}: ${issue.message}`);
    return undefined;
  }
  const { kind, language, macros = {}, lists } = parsed.data;
  const expectedKind = path.basename(path.dirname(file));
  if (!isLexiconKind(kind) || kind !== expectedKind) {
    problems.push(`${file}:1: kind "${kind}" must be the folder's name "${expectedKind}" (kinds: ${Object.keys(LEXICON_KINDS).join(', ')})`);
    return undefined;
  }
  if (language !== path.basename(file, '.yaml')) problems.push(`${file}:1: language "${language}" must be the file's name`);
  const shape = LEXICON_KINDS[kind];
  const macroSources = Object.fromEntries(Object.entries(macros).map(([name, value]) => [name, Array.isArray(value) ? `(${value.join('|')})` : value]));

  const out: LanguageLists = {};
  for (const [name, value] of Object.entries(lists)) {
    const node = document.getIn(['lists', name], true) as YamlNode;
    const listsNode = document.get('lists', true);
    const key = isMap(listsNode) ? (listsNode.items.find((pair) => (pair.key as { value?: unknown } | null)?.value === name)?.key as YamlNode) : node;
    const at = `${file}:${lineOf(key ?? node, lines)}`;
    const isPatterns = (shape.patterns as readonly string[]).includes(name);
    const isWords = (shape.words as readonly string[]).includes(name);
    const isMapList = (shape.maps as readonly string[]).includes(name);
    if (!isPatterns && !isWords && !isMapList) {
      problems.push(`${at}: ${kind} lexicons have no list "${name}" (lists: ${[...shape.patterns, ...shape.words, ...shape.maps].join(', ')})`);
      continue;
    }
    if (isMapList !== !Array.isArray(value)) {
      problems.push(`${at}: "${name}" must be ${isMapList ? 'a map of word: value' : 'a list'}`);
      continue;
    }
    if (!Array.isArray(value)) {
      out[name] = value;
      continue;
    }
    const seen = new Map<string, number>();
    out[name] = value.map((entry, index) => {
      const line = lineOf(isSeq(node) ? (node.items[index] as YamlNode) : node, lines);
      const key = entry.trim().replace(/\s+/g, ' ');
      if (seen.has(key)) problems.push(`${file}:${line}: "${key}" is already in ${name} (line ${seen.get(key)})`);
      else seen.set(key, line);
      if (!isPatterns) return key;
      const pattern = expandMacros(key, macroSources, `${file}:${line}`, problems);
      try {
        parsePattern(pattern);
      } catch (error) {
        if (!(error instanceof PatternError)) throw error;
        problems.push(`${file}:${line}: ${error.message}`);
      }
      return pattern;
    });
  }
  if (!isMap(document.contents)) problems.push(`${file}:1: a lexicon file is a map (kind, language, macros, lists)`);
  return { kind, language, lists: out };
};

/** Every lexicon file under `dirs`, in order; throws a LexiconError listing every problem found. */
export const loadLexicons = (dirs: readonly string[]): LexiconSet => {
  const problems: string[] = [];
  const files: string[] = [];
  const byKind = Object.fromEntries(Object.keys(LEXICON_KINDS).map((kind) => [kind, {}])) as LexiconSet['byKind'];
  for (const dir of dirs) {
    if (!fs.existsSync(dir)) {
      problems.push(`${dir}: no such lexicon folder`);
      continue;
    }
    for (const kindDir of fs.readdirSync(dir, { withFileTypes: true }).filter((entry) => entry.isDirectory()).sort((a, b) => a.name.localeCompare(b.name))) {
      for (const name of fs.readdirSync(path.join(dir, kindDir.name)).filter((file) => file.endsWith('.yaml')).sort()) {
        const file = path.join(dir, kindDir.name, name);
        files.push(file);
        const read = readFile(file, problems);
        if (!read) continue;
        const merged = (byKind[read.kind][read.language] ??= {});
        for (const [list, value] of Object.entries(read.lists)) {
          const before = merged[list];
          merged[list] = Array.isArray(value) ? [...((before as string[] | undefined) ?? []), ...value] : { ...((before as Record<string, string> | undefined) ?? {}), ...value };
        }
      }
    }
  }
  if (problems.length > 0) throw new LexiconError(problems);
  return { byKind, files };
};

/** One list of a kind across every language (crisis language is read in every language at once). */
export const allLanguages = (set: LexiconSet, kind: LexiconKind, list: string): string[] =>
  Object.values(set.byKind[kind]).flatMap((lists) => (Array.isArray(lists[list]) ? (lists[list] as string[]) : []));

/** One word map of a kind across every language. */
export const allLanguagesMap = (set: LexiconSet, kind: LexiconKind, map: string): Record<string, string> =>
  Object.assign({}, ...Object.values(set.byKind[kind]).map((lists) => (Array.isArray(lists[map]) ? {} : (lists[map] ?? {}))));
