/**
 * The word lists the moderation rules read. Data only: one file per language and kind, in the folder of its kind
 * (`crisis/en.ts`, `sensitive/de.ts`...), listed in that folder's `index.ts`.
 *
 * A **pattern** is a phrase matched as whole words against the comment after normalisation
 * (`src/api/comment/moderation/normalise.ts`): case, accents, apostrophes, Unicode lookalikes, zero-width
 * characters, leetspeak (`k1ll`), spaced or starred letters (`s-u-i-c-i-d-e`, `su*cide`) and repeated letters
 * (`diiie`) do not matter, so write plain lower-case words. Syntax (`src/api/comment/moderation/patterns.ts`):
 * - `want* to die`: `*` at the end of a word allows any ending (wants, wanted, wanting).
 * - `(pills|tablets|sleeping pills)`: alternatives, each one or more words; groups nest.
 * - `my? life`, `(all of)? my pills`: `?` after a word or group makes it optional.
 * - `kill .. myself`: `..` allows up to four other words in between.
 * - `# mg`, `#mg`: `#` is a number.
 */
export type Pattern = string;

/** Crisis language, per class; every class but `loss`, `recovered` and `idioms` marks a comment urgent. */
export interface CrisisLexicon {
  /** Direct thoughts of suicide or of dying: "want to die", "kill myself", "suicidal". */
  ideation: Pattern[];
  /** Indirect thoughts: hopelessness, burden, not waking up ("everyone would be better off", "no point anymore"). */
  indirect: Pattern[];
  /** A plan, a means or a time stated as a plan ("took all my pills", "bought a rope", "going to jump"). */
  plan: Pattern[];
  /** Means on their own (pills and doses, rope, bridge, gun, razor): urgent only together with `timing`. */
  means: Pattern[];
  /** When ("tonight", "this weekend", "before friday"): urgent only together with `means`. */
  timing: Pattern[];
  /** Goodbyes and final acts: giving things away, letters, "last post", "won't be around". */
  goodbye: Pattern[];
  /** Self-harm, present or recent ("cut again last night", "burning myself"). */
  selfHarm: Pattern[];
  /** Someone else at risk: a child, friend or partner who talks of suicide or harms themselves. */
  thirdParty: Pattern[];
  /** Slang and euphemisms: "kms", "unalive", "sewer slide", "ctb". */
  slang: Pattern[];
  /** Bereavement by suicide ("my brother died by suicide"): held for review, not urgent on its own. */
  loss: Pattern[];
  /** Crisis words in a past the writer says is over ("years ago I was suicidal"): masked, then held for review. */
  recovered: Pattern[];
  /** Idioms that use crisis words harmlessly ("killed it", "dying to join", "saved my life"): masked before matching. */
  idioms: Pattern[];
}

/** Words that keep a comment from auto-approval (it is held for a person), without making it urgent. */
export interface SensitiveLexicon {
  /** Death, dying, funerals, grief over a death. */
  death: Pattern[];
  /** Harm, abuse, violence, weapons. */
  harm: Pattern[];
  /** Medication names and classes, doses ("50 mg"), prescriptions. */
  medication: Pattern[];
  /** Diagnoses and conditions ("bipolar", "ptsd", "anorexia", "schizophrenia"). */
  diagnosis: Pattern[];
}

/** Cues for personal details; words and phrases are matched on folded text (lower case, accents removed). */
export interface PersonalLexicon {
  /** Spelled-out digits: "five" → "5" (phone numbers typed in words). */
  digits: Record<string, string>;
  /** Street types written after the name ("12 Oak St", "Hauptstrasse 5" ends in one too: "strasse"). */
  streetTypesAfter: string[];
  /** Street types written before the name, the number after it ("Calle Mayor 12", "Rua das Flores, 45"). */
  streetTypesBefore: string[];
  /** Phrases that introduce a corner or an intersection ("corner of", "esquina de"). */
  intersections: Pattern[];
  /** Phrases before a date of birth ("born", "date of birth", "nacido el"). */
  birthCues: Pattern[];
  /** Phrases before a member, policy or insurance number ("member id", "ssn", "numero de poliza"). */
  idCues: Pattern[];
  /** Phrases that introduce another person by relation ("my coworker", "mi hermana"): a name may follow. */
  relations: Pattern[];
  /** Words for a child ("my son", "mi hija"). */
  children: Pattern[];
  /** Words that end or start a school's name ("elementary", "high school", "colegio", "gymnasium"). */
  schools: string[];
  /** Email providers named without the rest of an address ("tom at hotmail"). */
  emailProviders: string[];
  /** "at" and "dot" as people write them in disguised emails. */
  at: string[];
  dot: string[];
}

/** Spam, per commercial class: a match marks the comment spam with the flag `spam:<class>`. */
export interface SpamLexicon {
  /** Medication names sold online; spam only together with `buying` (readers name their own medication). */
  pharma: Pattern[];
  /** Buying and selling words ("buy", "order online", "no prescription", "discreet shipping"). */
  buying: Pattern[];
  gambling: Pattern[];
  /** Crypto, forex, trading signals, investment returns. */
  crypto: Pattern[];
  /** SEO, backlinks, guest posts, web design and marketing offers. */
  seo: Pattern[];
  loans: Pattern[];
  adult: Pattern[];
  /** Spell casters, hackers, fund recovery, miracle cures, job scams, contact-me-on-WhatsApp. */
  fraud: Pattern[];
  /** Commercial words ("discount", "free trial", "price"): spam together with a link. */
  commercial: Pattern[];
  /** Praise bots post about the blog, the site or the admin ("bookmarked your blog"): spam unless the comment is concrete. */
  praise: Pattern[];
  /** What makes a thank-you genuine: a group, a day, an action, the reader's own situation. */
  concrete: Pattern[];
}
