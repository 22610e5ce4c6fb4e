import type { SpamLexicon } from '../types';

/** German spam language (pattern syntax in ../types.ts). */
const lexicon: SpamLexicon = {
  pharma: ['viagra', 'cialis', 'xanax', 'valium', 'tramadol', 'tavor', 'medikamente', 'tabletten', 'pillen', 'apotheke'],
  buying: ['kauf*', 'kaufen', 'ohne rezept', 'rezeptfrei', '(schnelle|diskrete|kostenlose) lieferung', 'diskreter versand', 'gunstig*', 'billig*', 'preis*', 'bestell*'],
  gambling: ['casino*', 'sportwetten', 'wetten', 'spielautomaten', 'slots', 'freispiele', 'bonus ohne einzahlung', 'willkommensbonus', 'roulette', 'lotto', 'jackpot'],
  crypto: ['krypto*', 'bitcoin', 'forex', 'investition*', 'investieren', 'anlage*', 'gewinne (garantiert|taglich)', 'rendite', 'kontomanager', 'trading signale', 'passives einkommen', 'tradingplattform'],
  seo: ['seo', 'suchmaschinenoptimierung', 'backlinks', 'gastbeitrag*', 'gesponserte* (beitrag|artikel)', 'webdesign', 'website erstellen', 'online marketing', 'marketing agentur', 'mehr kunden', 'erste seite bei google'],
  loans: ['sofortkredit', 'kredit ohne schufa', 'schnelles geld', 'ohne schufa'],
  adult: [ 'suche einen (ernsthaften)? mann', 'meine fotos', 'fotos (schicke|schick)','sexkontakte', 'heisse (frauen|girls|singles)', 'escort*', 'webcam (girls|modelle)', 'porno', 'erotik'],
  fraud: [ 'link im namen', 'auf meiner seite', 'meine seite', 'schreib mir','liebeszauber', 'zauber*', 'wahrsager*', 'heiler', 'hacker', 'geld (zuruckholen|zuruckbekommen)', 'erfahrungsbericht', 'heimarbeit', 'geld verdienen'],
  commercial: ['rabatt*', 'angebot*', 'gratis', 'kostenlos*', 'preis*', 'besuchen sie (meine|unsere) (seite|website|shop)', 'unser* (shop|firma|agentur|website)', 'online shop'],
  praise: ['toller (artikel|blog|beitrag)', 'guter (artikel|blog|beitrag)', 'super (artikel|blog|beitrag)', 'sehr (informativ|informativer|interessant|interessanter|hilfreich|hilfreicher) (artikel|blog|beitrag)', 'danke furs teilen', 'danke fur das teilen', 'ihr blog', 'dein blog', 'dieser blog', 'admin'],
  concrete: ['anmelden', 'angemeldet', 'teilnehmen', 'rufe .. an', 'gruppe fur (trauer|angst|depression|eltern|jugendliche)', '(montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag)', '(mein|meine|meinem|meiner|meinen) (sohn|tochter|mann|frau|mutter|vater|schwester|bruder)', 'endlich (verstanden|verstehe|erklaren)', 'hat mir geholfen'],
};

export default lexicon;
