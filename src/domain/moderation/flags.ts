/**
 * Every flag a phase can raise, with what it means for the decision and, in words, for the moderator. `decide.ts`
 * reads only the severity: `urgent` (a person reads it first, now), `spam`, `hold` (a person reads it before it is
 * published). Families (`language:it`, `spam:crypto`) share one entry.
 */
export type FlagKind = 'crisis' | 'spam' | 'personal' | 'sensitive' | 'language' | 'review';
export type Severity = 'urgent' | 'spam' | 'hold';

export interface FlagInfo {
  kind: FlagKind;
  severity: Severity;
  /** What a moderator is told, in plain words. */
  description: string;
}

const flag = (kind: FlagKind, severity: Severity, description: string): FlagInfo => ({ kind, severity, description });

export const FLAGS = {
  crisis: flag('crisis', 'urgent', 'Crisis language: the reader may be at risk. Read first; reach out with resources.'),
  'crisis:ideation': flag('crisis', 'urgent', 'Thoughts of suicide or of not wanting to live'),
  'crisis:indirect': flag('crisis', 'urgent', 'Indirect crisis language ("everyone would be better off without me")'),
  'crisis:plan': flag('crisis', 'urgent', 'A plan, a means or a time for ending their life'),
  'crisis:goodbye': flag('crisis', 'urgent', 'Saying goodbye, giving things away'),
  'crisis:self-harm': flag('crisis', 'urgent', 'Self-harm'),
  'crisis:third-party': flag('crisis', 'urgent', 'Someone else (a child, friend or partner) may be at risk'),
  'crisis:slang': flag('crisis', 'urgent', 'Crisis slang (kms, unalive, ctb)'),
  'crisis:model': flag('crisis', 'urgent', 'The learned risk model reads this as a crisis, though no listed phrase matched'),
  'crisis:moderator': flag('crisis', 'urgent', 'A moderator marked this comment urgent'),
  'crisis-risk': flag('crisis', 'hold', 'The learned risk model sees some risk: read it before it is published'),
  'crisis-risk:unscored': flag('crisis', 'hold', 'The learned risk models could not score this comment'),
  'review-risk': flag('review', 'hold', 'The learned review model reads this like comments that need a person (crisis, personal details or spam)'),
  'suicide-loss': flag('crisis', 'hold', 'Bereaved by suicide: handle with care, not urgent on its own'),
  'past-crisis': flag('crisis', 'hold', 'Speaks of a past crisis that is over'),
  'sensitive:death': flag('sensitive', 'hold', 'Mentions death or dying'),
  'sensitive:harm': flag('sensitive', 'hold', 'Mentions harm or violence'),
  'sensitive:medication': flag('sensitive', 'hold', 'Names medication or doses'),
  'sensitive:diagnosis': flag('sensitive', 'hold', 'Names a diagnosis'),
  'phone-number': flag('personal', 'hold', 'Contains a phone number'),
  'long-number': flag('personal', 'hold', 'Contains a long number (a phone, account or ID number in any format)'),
  'email-address': flag('personal', 'hold', 'Contains an email address'),
  'street-address': flag('personal', 'hold', 'Contains a street address'),
  'date-of-birth': flag('personal', 'hold', 'Contains a date of birth'),
  'member-id': flag('personal', 'hold', 'Contains an insurance or member number'),
  'named-diagnosis': flag('personal', 'hold', 'Names a person together with a diagnosis or medication'),
  'child-school': flag('personal', 'hold', 'Names a child together with their school'),
  honeypot: flag('spam', 'spam', 'Filled in the hidden form field only bots see'),
  'blocked-term': flag('spam', 'spam', 'Contains a blocked term'),
  'too-many-links': flag('spam', 'spam', 'Too many links'),
  'generic-praise': flag('spam', 'spam', 'Generic praise that says nothing specific (typical of spam bots)'),
  'known-spam-source': flag('spam', 'spam', 'From a known spam address or links to a known spam site'),
  'commercial-link': flag('spam', 'spam', 'A commercial pitch with a link'),
  'spam:learned': flag('spam', 'spam', 'The learning filter is confident this is spam'),
  'spam:akismet': flag('spam', 'spam', 'Akismet says spam'),
  'spam:pharma': flag('spam', 'spam', 'Sells medication'),
  'spam:gambling': flag('spam', 'spam', 'Gambling'),
  'spam:crypto': flag('spam', 'spam', 'Crypto, forex or investment pitch'),
  'spam:seo': flag('spam', 'spam', 'SEO, backlinks or marketing pitch'),
  'spam:loans': flag('spam', 'spam', 'Loans or credit'),
  'spam:adult': flag('spam', 'spam', 'Adult content'),
  'spam:fraud': flag('spam', 'spam', 'Scam: spell casters, hackers, fund recovery, miracle cures, contact me on WhatsApp'),
  'spam-likely': flag('spam', 'hold', 'The learning filter thinks this may be spam'),
  'suspect-term': flag('review', 'hold', 'Contains a suspicious term'),
  link: flag('review', 'hold', 'Contains a link'),
  commercial: flag('review', 'hold', 'Mentions prices, money or selling'),
  'duplicate-text': flag('review', 'hold', "The same text as someone else's comment"),
  'language:unknown': flag('language', 'hold', 'The language could not be told: the rules may not have read it'),
} as const satisfies Record<string, FlagInfo>;

export type KnownFlag = keyof typeof FLAGS;
/** A language the lexicons do not cover (`language:it`): the learned model still reads it, the rules cannot. */
export type LanguageFlag = `language:${string}`;
export type Flag = KnownFlag | LanguageFlag;

const LANGUAGE = /^language:[a-z]{2,3}$/;

export const languageFlag = (code: string): LanguageFlag => `language:${code}`;

/** What a flag means; flags stored by older versions that the registry no longer knows are held for review. */
export const flagInfo = (name: string): FlagInfo => {
  if (Object.hasOwn(FLAGS, name)) return FLAGS[name as KnownFlag];
  if (LANGUAGE.test(name)) return flag('language', 'hold', `Written in a language the rules do not read (${name.slice('language:'.length)}): the learned model still scored it`);
  return flag('review', 'hold', name);
};

export const severityOf = (name: string): Severity => flagInfo(name).severity;
export const isCrisis = (flags: readonly string[]) => flags.some((name) => severityOf(name) === 'urgent');
export const isSpamFlag = (name: string) => severityOf(name) === 'spam';
export const describeFlag = (name: string) => flagInfo(name).description;
