import { findPhoneNumbersInText, type CountryCode } from 'libphonenumber-js/max';
import nlp from 'compromise';
import { allLanguages, allLanguagesMap, lexicons } from '../lexicon';
import { hasMatch, listMatcher } from '../lexicon/compiled';
import type { Matcher } from '../lexicon/matcher';
import { fold, normaliseTerm, views, type NormalisedText } from '../text/normalise';
import type { Phase } from '../types';

/**
 * Personal details, each a named flag: phone numbers (libphonenumber-js in the configured regions, also typed in
 * words), emails (also "name at gmail dot com"), street addresses and intersections, dates of birth, member and
 * insurance numbers, a person named with a diagnosis or medication, and a child named with a school. The cues per
 * language live in `data/lexicons/personal/<lang>.yaml`. Cue phrases are found by the lexicon matcher; what follows
 * a cue is read a few words at a time, so no expression runs over the whole comment from every position.
 */
export type PersonalFlag = 'phone-number' | 'long-number' | 'email-address' | 'street-address' | 'date-of-birth' | 'member-id' | 'named-diagnosis' | 'child-school';

type WordList = 'streetTypesAfter' | 'streetTypesBefore' | 'schools' | 'emailProviders' | 'at' | 'dot';

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** Words of every language as one alternation, in their normalised form. */
const anyOf = (list: WordList) => [...new Set(allLanguages(lexicons(), 'personal', list).map(normaliseTerm).filter(Boolean))].map(escape).join('|');
const words = (source: string) => new RegExp(`(?<![\\p{L}\\p{N}])(?:${source})(?![\\p{L}\\p{N}])`, 'u');
const cue = (list: string): Matcher => listMatcher('personal', list);

/** Providers whose name after "at" is an address even without the word "email" ("jo at gmail"). */
const STRONG_PROVIDERS = 'gmail|googlemail|hotmail|yahoo|outlook|icloud|protonmail|aol|gmx';
const MONTH =
  '(?:jan|feb|febr|mar|march|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|ene|abr|ago|dic|fev|mai|out|dez|janv|fevr|avr|juil|aout|marz|okt|januar|februar|juni|juli|mayo|junio|julio|enero|febrero|marzo|abril|agosto|septiembre|setiembre|octubre|noviembre|diciembre|janeiro|fevereiro|marco|maio|junho|julho|setembro|outubro|novembro|dezembro|janvier|fevrier|mars|avril|juin|juillet|septembre|octobre|novembre|decembre|januari|oktober|dezember)\\p{L}*';
const DATE = `(?:\\d{1,2} \\d{1,2} \\d{2,4}|\\d{4} \\d{1,2} \\d{1,2}|\\d{1,2}(?:st|nd|rd|th|er|o)? (?:de |of )?${MONTH}|${MONTH} \\d{1,2}|(?:19|20)\\d{2})`;
/** A date within four words after a birth cue. */
const DATE_AFTER_CUE = new RegExp(`^(?:[^ ]+ ){0,4}${DATE}(?: |$)`, 'u');
const INTERSECTION_JOINS = new Set(['and', 'y', 'e', 'et', 'und', 'with', 'con', 'com', '&']);
const ID_FILLERS = new Set(['is', 'es', 'e', 'est', 'ist', 'number', 'no', 'num', 'n', 'nr', 'id']);
const ID_PART = /^[a-z0-9]*\d[a-z0-9]*$/;
const SSN = /(?<![\p{L}\p{N}])\d{3} \d{2} \d{4}(?![\p{L}\p{N}])/u;
/** An address starts where a run of its characters starts: matching from inside a run would be quadratic. */
const EMAIL = /(?<![\p{L}\p{N}._%+-])[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/u;

interface Expressions {
  digitWords: RegExp;
  digitValue: Map<string, string>;
  disguisedEmail: RegExp;
  providerEmail: RegExp;
  street: RegExp;
  streetIntersection: RegExp;
  school: RegExp;
}

const built = new WeakMap<object, Expressions>();
const expressions = (): Expressions => {
  const set = lexicons();
  const existing = built.get(set);
  if (existing) return existing;
  const digitValue = new Map(Object.entries(allLanguagesMap(set, 'personal', 'digits')).map(([word, digit]) => [normaliseTerm(word), digit]));
  const street = anyOf('streetTypesAfter');
  const name = '[\\p{L}\\p{N}]+';
  const made: Expressions = {
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
    streetIntersection: words(`(?:${street})(?: and| y| e| et| und)? ${name}(?: ${name})? (?:${street})`),
    school: words(anyOf('schools')),
  };
  built.set(set, made);
  return made;
};

/** After each match of `matcher`, the words that follow it satisfy `test`. */
const followedBy = (view: string, matcher: Matcher, test: (after: string[]) => boolean) => {
  const { tokens, found } = matcher.spans(view);
  return found.some(([, end]) => test(tokens.slice(end, end + 9)));
};

const intersectionCue = (after: string[]) => after.slice(1, 5).some((word) => INTERSECTION_JOINS.has(word));
const dateAfterCue = (after: string[]) => DATE_AFTER_CUE.test(after.join(' '));
/** A member or policy number: after the cue (and "is", "number"...), up to five parts with four digits in all. */
const numberAfterCue = (after: string[]) => {
  let index = 0;
  while (index < after.length && ID_FILLERS.has(after[index])) index += 1;
  const parts: string[] = [];
  while (index < after.length && parts.length < 5 && ID_PART.test(after[index])) parts.push(after[index++]);
  return (parts.join('').match(/\d/g) ?? []).length >= 4;
};

/** A run of digits and separators with at least `minimum` digits ("5 5 5 2 1 2 9 8 7 6"). */
const hasDigitRun = (text: string, minimum: number) => (text.match(/\d(?: ?\d)+/g) ?? []).some((run) => run.replace(/\D/g, '').length >= minimum);

/**
 * Stretches of text that could hold a phone number (digits with the separators people type, seven digits or more),
 * each read once however often it repeats, at most `MAX_PHONE_CANDIDATES` of them: libphonenumber reads these, not
 * the whole comment, so a comment of digits costs what a comment of words does.
 */
const PHONE_CANDIDATE = /\+?[\d(][\d\s().\-/]{5,24}\d(?:\s?(?:x|ext\.?)\s?\d{1,5})?/g;
/** Past this many distinct stretches of seven digits or more, the comment is held as holding numbers without reading each. */
const MAX_PHONE_CANDIDATES = 6;
const digitsIn = (text: string) => (text.match(/\d/g) ?? []).length;
const phoneCandidates = (folded: string) => [...new Set(folded.match(PHONE_CANDIDATE) ?? [])].filter((candidate) => digitsIn(candidate) >= 7);

const hasPhoneNumber = (folded: string, wordsView: string, regions: CountryCode[]) => {
  const { digitWords, digitValue } = expressions();
  const spelled = wordsView.replace(digitWords, (word) => digitValue.get(word) ?? word);
  if (spelled !== wordsView && hasDigitRun(spelled, 7)) return true;
  const candidates = phoneCandidates(folded);
  if (candidates.length > MAX_PHONE_CANDIDATES) return true;
  return candidates.some((candidate) =>
    regions.some((region) => findPhoneNumbersInText(candidate, { defaultCountry: region, extended: true }).some((found) => found.number.nationalNumber.length >= 7))
  );
};

/** Nine digits or more in one run (spaces, dots, dashes between them): a phone, account or ID number, whatever its country. */
const hasLongNumber = (folded: string) => phoneCandidates(folded).some((candidate) => digitsIn(candidate) >= 9);

/** "name @ mail . com", "name [at] mail [.] com" put back together before the email rule reads them. */
const undefangEmail = (folded: string) =>
  folded
    .replace(/(?<!\s)\s*(?:@|\[at\]|\(at\)|\{at\}|<at>)\s*/g, '@')
    .replace(/(?<!\s)\s*(?:\[\.\]|\(\.\)|\[dot\]|\(dot\)|\{dot\})\s*/g, '.')
    // "name@mail . com": a spaced dot after the domain. Matched forwards from the "@" (a look-behind over the
    // domain would scan back over every letter of a long word at each position, in time growing with its square).
    .replace(/(@[\p{L}\p{N}-]+)\s+\.\s*/gu, '$1.');

/** A capitalised word that is not the first of its sentence and not "I": most likely a name. */
const hasCapitalisedName = (sentence: string) => /\S\s+(?!I\b)\p{Lu}\p{Ll}+/u.test(sentence);
const namesPerson = (raw: string, text: NormalisedText) =>
  (hasMatch(text, cue('relations')) && hasCapitalisedName(raw)) || nlp(raw).people().out('array').length > 0;

export const findPersonalDetails = (raw: string, text: NormalisedText, phoneRegions: CountryCode[]): PersonalFlag[] => {
  const folded = fold(raw);
  const all = views(text);
  const r = expressions();
  const any = (test: (view: string) => boolean) => all.some(test);
  const flags: PersonalFlag[] = [];
  if (hasPhoneNumber(folded, all[0], phoneRegions)) flags.push('phone-number');
  else if (hasLongNumber(folded)) flags.push('long-number');
  if (EMAIL.test(undefangEmail(folded)) || any((view) => r.disguisedEmail.test(view) || r.providerEmail.test(view))) flags.push('email-address');
  if (any((view) => r.street.test(view) || r.streetIntersection.test(view) || followedBy(view, cue('intersections'), intersectionCue))) flags.push('street-address');
  if (any((view) => followedBy(view, cue('birthCues'), dateAfterCue))) flags.push('date-of-birth');
  if (any((view) => SSN.test(view) || followedBy(view, cue('idCues'), numberAfterCue))) flags.push('member-id');
  // Over the whole comment: a name and what is said about the person are often in neighbouring sentences.
  const sentence = raw.normalize('NFKC');
  if (hasMatch(text, listMatcher('sensitive', 'diagnosis', 'medication')) && namesPerson(sentence, text)) flags.push('named-diagnosis');
  if (r.school.test(all[0]) && hasCapitalisedName(sentence) && (hasMatch(text, cue('children')) || namesPerson(sentence, text))) flags.push('child-school');
  return flags;
};

export const personalDetailsPhase: Phase = {
  name: 'personal-details',
  run: ({ candidate, text, rules }) => ({ flags: findPersonalDetails(candidate.body, text, rules.phoneRegions as CountryCode[]) }),
};
