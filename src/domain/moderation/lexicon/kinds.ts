/**
 * What each kind of lexicon file may hold (`data/lexicons/<kind>/<language>.yaml`): its lists of patterns (matched
 * by `matcher.ts`), its lists of plain words (pieces of other expressions) and its word maps. A file may leave any
 * list out; a name not listed here is refused when the file is loaded.
 */
export const LEXICON_KINDS = {
  crisis: {
    patterns: ['ideation', 'indirect', 'plan', 'means', 'timing', 'goodbye', 'selfHarm', 'thirdParty', 'slang', 'loss', 'recovered', 'idioms'],
    words: [],
    maps: [],
  },
  sensitive: { patterns: ['death', 'harm', 'medication', 'diagnosis'], words: [], maps: [] },
  personal: {
    patterns: ['intersections', 'birthCues', 'idCues', 'relations', 'children'],
    words: ['streetTypesAfter', 'streetTypesBefore', 'schools', 'emailProviders', 'at', 'dot'],
    maps: ['digits'],
  },
  spam: {
    patterns: ['pharma', 'buying', 'gambling', 'crypto', 'seo', 'loans', 'adult', 'fraud', 'commercial', 'praise', 'siteTalk', 'concrete', 'blocked', 'suspect', 'genericPraise', 'question'],
    words: [],
    maps: [],
  },
  /** Wording in a reply by the practice that would confirm someone is a client (`reply-guard.ts`). */
  'reply-guard': { patterns: ['clientRelationship'], words: [], maps: [] },
} as const;

export type LexiconKind = keyof typeof LEXICON_KINDS;
type Shape<K extends LexiconKind> = (typeof LEXICON_KINDS)[K];
export type PatternListName<K extends LexiconKind> = Shape<K>['patterns'][number];
export type WordListName<K extends LexiconKind> = Shape<K>['words'][number];
export type MapName<K extends LexiconKind> = Shape<K>['maps'][number];

export const isLexiconKind = (name: string): name is LexiconKind => Object.hasOwn(LEXICON_KINDS, name);
