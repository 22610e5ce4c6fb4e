import path from 'path';
import { dataDir } from '../../data-dir';
import { loadLexicons, type LexiconSet } from './load';

/**
 * The lexicons the rules read: the built-in files in `data/lexicons`, then a deployment's own folders of the same
 * layout (`LEXICON_DIRS`, set through `useLexiconDirs` at start-up), loaded and checked once.
 */
let extraDirs: readonly string[] = [];
let loaded: LexiconSet | undefined;

export const builtInLexiconDir = () => path.join(dataDir(), 'lexicons');

/** The deployment's lexicon folders (added after the built-in ones); the next read loads them. */
export const useLexiconDirs = (dirs: readonly string[]) => {
  if (dirs.join('\n') === extraDirs.join('\n')) return;
  extraDirs = [...dirs];
  loaded = undefined;
};

export const lexicons = (): LexiconSet => (loaded ??= loadLexicons([builtInLexiconDir(), ...extraDirs]));

export { allLanguages, allLanguagesMap, LexiconError, loadLexicons, type LexiconSet } from './load';
export { compile, MASK, type Matcher } from './matcher';
export { LEXICON_KINDS, type LexiconKind } from './kinds';
