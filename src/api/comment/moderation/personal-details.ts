import { findPhoneNumbersInText, type CountryCode } from 'libphonenumber-js/max';
import nlp from 'compromise';
import { personalLexicons } from '../lexicons/personal';
import { sensitiveLexicons } from '../lexicons/sensitive';
import type { PersonalLexicon } from '../lexicons/types';
import { fold, normalise, normaliseTerm, views } from './normalise';
import { compile, patternSource, type Matcher } from './patterns';

/**
 * Personal details, each a named flag: phone numbers (libphonenumber-js in the configured regions, also typed in
 * words), emails (also "name at gmail dot com"), street addresses and intersections, dates of birth, member and
 * insurance numbers, a person named with a diagnosis or medication, and a child named with a school. The cues per
 * language live in `../lexicons/personal/<lang>.ts`; the rules below match them on the normalised words.
 */
export type PersonalFlag = 'phone-number' | 'email-address' | 'street-address' | 'date-of-birth' | 'member-id' | 'named-diagnosis' | 'child-school';

type ListKey = 'streetTypesAfter' | 'streetTypesBefore' | 'schools' | 'emailProviders' | 'at' | 'dot';
type CueKey = 'intersections' | 'birthCues' | 'idCues' | 'relations' | 'children';

const lexicons = () => Object.values(personalLexicons);
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** Words of every language as one alternation, in their normalised form. */
const anyOf = (key: ListKey) => [...new Set(lexicons().flatMap((lexicon) => lexicon[key]).map(normaliseTerm).filter(Boolean))].map(escape).join('|');
const anyCue = (key: CueKey) => lexicons().flatMap((lexicon) => lexicon[key]).map((cue) => patternSource(cue)).join('|');
const words = (source: string) => new RegExp(`(?<![\\p{L}\\p{N}])(?:${source})(?![\\p{L}\\p{N}])`, 'u');

interface Rules {
  digitWords: RegExp;
  digitValue: Map<string, string>;
  disguisedEmail: RegExp;
  providerEmail: RegExp;
  street: RegExp;
  intersection: RegExp;
  birth: RegExp;
  memberId: RegExp;
  relation: RegExp;
  child: RegExp;
  school: RegExp;
  condition: Matcher;
}

/** Providers whose name after "at" is an address even without the word "email" ("jo at gmail"). */
const STRONG_PROVIDERS = 'gmail|googlemail|hotmail|yahoo|outlook|icloud|protonmail|aol|gmx';

const MONTH =
  '(?:jan|feb|febr|mar|march|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|ene|abr|ago|dic|fev|mai|out|dez|janv|fevr|avr|juil|aout|marz|okt|januar|februar|juni|juli|mayo|junio|julio|enero|febrero|marzo|abril|agosto|septiembre|setiembre|octubre|noviembre|diciembre|janeiro|fevereiro|marco|maio|junho|julho|setembro|outubro|novembro|dezembro|janvier|fevrier|mars|avril|juin|juillet|septembre|octobre|novembre|decembre|januari|oktober|dezember)\\p{L}*';
const DATE = `(?:\\d{1,2} \\d{1,2} \\d{2,4}|\\d{4} \\d{1,2} \\d{1,2}|\\d{1,2}(?:st|nd|rd|th|er|o)? (?:de |of )?${MONTH}|${MONTH} \\d{1,2}|(?:19|20)\\d{2})`;

let compiled: Rules | undefined;
const rules = (): Rules => {
  if (compiled) return compiled;
  const digitValue = new Map(lexicons().flatMap((lexicon) => Object.entries(lexicon.digits)).map(([word, digit]) => [normaliseTerm(word), digit]));
  const street = anyOf('streetTypesAfter');
  const name = '[\\p{L}\\p{N}]+';
  compiled = {
    digitWords: new RegExp(`(?<![\\p{L}])(?:${[...digitValue.keys()].map(escape).join('|')})(?![\\p{L}])`, 'gu'),
    digitValue,
    disguisedEmail: words(
      `${name}(?: ${name}){0,2} (?:${anyOf('at')}) ${name}(?: (?:${anyOf('dot')}) \\p{L}{2,})+|${name} (?:${anyOf('at')}) ${name} (?:com|net|org|edu|gov|co|io|uk|fr|de|es|pt|br|mx|ca)`
    ),
    providerEmail: words(
      `(?:e ?mail|mail|correo|courriel|email adress|adresse)\\p{L}*(?: [^ ]+){0,4} ${name} (?:${anyOf('at')}) (?:${anyOf('emailProviders')})|${name} (?:${anyOf('at')}) (?:${STRONG_PROVIDERS})`
    ),
    street: words(
      [
        `\\d{1,5}[a-z]?(?: ${name}){1,4} (?:${street})`,
        `\\d{1,5}(?:[a-z]|bis|ter)? (?:${street})(?: ${name}){1,4}`,
        `(?:${anyOf('streetTypesBefore')})(?: (?:de|da|do|das|dos|del|la|las|los)?\\p{L}+){1,4} (?:n |no |num )?\\d{1,5}`,
        `\\p{L}{3,}(?:strase|str|weg|gase|platz|plaz|alle) \\d{1,4}[a-z]?`,
        `p ?o box \\d+`,
        `(?:apartado|caixa postal|boite postale|postfach) \\d+`,
      ].join('|')
    ),
    intersection: words(`(?:${anyCue('intersections')})(?: [^ ]+){1,4} (?:and|y|e|et|und|with|con|com|&)|(?:${street})(?: and| y| e| et| und)? ${name}(?: ${name})? (?:${street})`),
    birth: words(`(?:${anyCue('birthCues')})(?: [^ ]+){0,4} ${DATE}`),
    memberId: words(`(?:${anyCue('idCues')})(?: (?:is|es|e|est|ist|number|no|num|n|nr|id))*(?: [a-z0-9]*\\d[a-z0-9]*){1,5}|\\d{3} \\d{2} \\d{4}`),
    relation: words(anyCue('relations')),
    child: words(anyCue('children')),
    school: words(anyOf('schools')),
    condition: compile(Object.values(sensitiveLexicons).flatMap((lexicon) => [...lexicon.diagnosis, ...lexicon.medication])),
  };
  return compiled;
};

/** A run of digits and separators with at least `minimum` digits ("5 5 5 2 1 2 9 8 7 6"). */
const hasDigitRun = (text: string, minimum: number) => (text.match(/\d(?: ?\d)+/g) ?? []).some((run) => run.replace(/\D/g, '').length >= minimum);

const hasPhoneNumber = (folded: string, wordsView: string, regions: CountryCode[]) => {
  const spelled = wordsView.replace(rules().digitWords, (word) => rules().digitValue.get(word) ?? word);
  if (spelled !== wordsView && hasDigitRun(spelled, 7)) return true;
  return regions.some((region) =>
    findPhoneNumbersInText(folded, { defaultCountry: region, extended: true }).some((found) => found.number.nationalNumber.length >= 7)
  );
};

const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/u;
/** "name @ mail . com", "name [at] mail [.] com" put back together before the email rule reads them. */
const undefangEmail = (folded: string) =>
  folded
    .replace(/\s*(?:@|\[at\]|\(at\)|\{at\}|<at>)\s*/g, '@')
    .replace(/\s*(?:\[\.\]|\(\.\)|\[dot\]|\(dot\)|\{dot\})\s*|(?<=@[\p{L}\p{N}-]+)\s+\.\s*/gu, '.');
/** A member or policy number has at least four digits. */
const hasMemberId = (views: string[]) =>
  views.some((view) => [...view.matchAll(new RegExp(rules().memberId.source, 'gu'))].some((match) => (match[0].match(/\d/g) ?? []).length >= 4));
/** A capitalised word that is not the first of its sentence and not "I": most likely a name. */
const hasCapitalisedName = (sentence: string) => /(?<=\S\s+)(?!I\b)\p{Lu}\p{Ll}+/u.test(sentence);
const namesPerson = (sentence: string, normalised: string) =>
  (rules().relation.test(normalised) && hasCapitalisedName(sentence)) || nlp(sentence).people().out('array').length > 0;

/** Someone named (a capitalised name after "my coworker", or a person compromise finds) with a diagnosis or medication. */
const namesSomeoneWithCondition = (sentence: string, normalised: string[]) =>
  normalised.some((view) => rules().condition.find(view).length > 0) && namesPerson(sentence, normalised[0]);

const namesChildWithSchool = (sentence: string, normalised: string[]) =>
  rules().school.test(normalised[0]) && hasCapitalisedName(sentence) && (rules().child.test(normalised[0]) || namesPerson(sentence, normalised[0]));

export const findPersonalDetails = (raw: string, phoneRegions: CountryCode[]): PersonalFlag[] => {
  const folded = fold(raw);
  const all = views(normalise(raw));
  const r = rules();
  const any = (regex: RegExp) => all.some((view) => regex.test(view));
  const flags: PersonalFlag[] = [];
  if (hasPhoneNumber(folded, all[0], phoneRegions)) flags.push('phone-number');
  if (EMAIL.test(undefangEmail(folded)) || any(r.disguisedEmail) || any(r.providerEmail)) flags.push('email-address');
  if (any(r.street) || any(r.intersection)) flags.push('street-address');
  if (any(r.birth)) flags.push('date-of-birth');
  if (hasMemberId(all)) flags.push('member-id');
  // Over the whole comment: a name and what is said about the person are often in neighbouring sentences.
  const text = raw.normalize('NFKC');
  if (namesSomeoneWithCondition(text, all)) flags.push('named-diagnosis');
  if (namesChildWithSchool(text, all)) flags.push('child-school');
  return flags;
};
