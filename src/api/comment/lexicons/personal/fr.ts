import type { PersonalLexicon } from '../types';

const lexicon: PersonalLexicon = {
  digits: { zero: '0', un: '1', une: '1', deux: '2', trois: '3', quatre: '4', cinq: '5', six: '6', sept: '7', huit: '8', neuf: '9' },
  streetTypesAfter: ['rue', 'avenue', 'av', 'boulevard', 'bd', 'bld', 'chemin', 'ch', 'impasse', 'imp', 'allee', 'place', 'pl', 'quai', 'route', 'rte', 'cours', 'passage'],
  streetTypesBefore: [],
  intersections: ['(a|au) (l )?angle (de|du|des)', 'au coin (de|du|des)', 'a l intersection (de|du|des)', 'carrefour (de|du|des)'],
  birthCues: ['ne le', 'nee le', 'ne en', 'nee en', 'date de naissance', 'anniversaire', 'je suis ne', 'je suis nee'],
  idCues: ['(numero|no|n) de (securite sociale|secu|mutuelle|adherent|dossier|patient|contrat)', 'securite sociale', 'carte vitale', 'nir', 'mutuelle'],
  relations: ['(mon|ma) (collegue|ami|amie|voisin|voisine|patron|patronne|chef|frere|soeur|cousin|cousine|oncle|tante|mere|pere|mari|femme|conjoint|conjointe|copain|copine|fils|fille|neveu|niece)'],
  children: ['mon (fils|enfant|garcon|petit fils|beau fils)', 'ma (fille|petite fille|belle fille)', 'notre (fils|fille|enfant)'],
  schools: ['ecole', 'college', 'lycee', 'maternelle', 'primaire', 'creche'],
  emailProviders: ['gmail', 'hotmail', 'outlook', 'yahoo', 'icloud', 'live', 'orange', 'free', 'laposte', 'wanadoo', 'sfr'],
  at: ['arobase', 'at'],
  dot: ['point'],
};

export default lexicon;
