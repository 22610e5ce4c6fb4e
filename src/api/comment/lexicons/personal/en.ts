import type { PersonalLexicon } from '../types';

const lexicon: PersonalLexicon = {
  digits: { zero: '0', oh: '0', one: '1', two: '2', three: '3', four: '4', five: '5', six: '6', seven: '7', eight: '8', nine: '9' },
  streetTypesAfter: ['street', 'st', 'avenue', 'ave', 'av', 'road', 'rd', 'boulevard', 'blvd', 'lane', 'ln', 'drive', 'dr', 'court', 'ct', 'way', 'place', 'pl', 'terrace', 'ter', 'circle', 'cir', 'parkway', 'pkwy', 'highway', 'hwy', 'square', 'sq', 'crescent', 'close', 'trail', 'trl', 'apt', 'apartment', 'suite', 'unit'],
  streetTypesBefore: [],
  intersections: ['(corner|intersection) of', 'on the corner', 'cross streets?'],
  birthCues: ['born', 'dob', 'd o b', 'date of birth', 'birth date', 'birthdate', 'birthday', 'bday', 'b day'],
  idCues: ['member (id|number|no)', 'membership (id|number)', 'policy (id|number|no)?', 'ssn', 'social security( number)?', 'medicaid( number| id)?', 'medicare( number| id)?', 'patient (number|id|no)', 'insurance (id|number|card)', 'group (number|no)', 'subscriber id', 'id number', 'case number', 'mrn', 'medical record number', 'account number', 'license number', 'drivers license'],
  relations: ['my (coworker|co worker|colleague|friend|best friend|neighbor|neighbour|boss|manager|roommate|sister|brother|cousin|aunt|uncle|mom|mother|dad|father|husband|wife|partner|boyfriend|girlfriend|fiance|ex|son|daughter|niece|nephew|classmate|teacher|therapist|student|client|tenant|landlord)', 'a (coworker|friend|neighbor|neighbour) (called|named)'],
  children: ['my (son|daughter|kid|child|boy|girl|stepson|stepdaughter|grandson|granddaughter|toddler|teen|teenager)', 'our (son|daughter|kid|child|boy|girl)', '(her|his|their) (son|daughter|boy|girl|kid|child)', 'a (kid|child|son|daughter) at', '# (st|nd|rd|th) grade', 'grade #', '(junior|senior|freshman|sophomore) at'],
  schools: ['elementary', 'primary', 'middle school', 'high school', 'junior high', 'middle', 'high', 'academy', 'prep', 'preparatory', 'kindergarten', 'preschool', 'montessori', 'school'],
  emailProviders: ['gmail', 'googlemail', 'hotmail', 'outlook', 'yahoo', 'icloud', 'aol', 'protonmail', 'proton', 'live', 'msn', 'gmx', 'mail', 'comcast', 'verizon', 'att', 'me'],
  at: ['at', '@'],
  dot: ['dot', 'period', '.'],
};

export default lexicon;
