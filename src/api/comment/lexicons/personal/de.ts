import type { PersonalLexicon } from '../types';

const lexicon: PersonalLexicon = {
  digits: { null: '0', eins: '1', ein: '1', zwei: '2', zwo: '2', drei: '3', vier: '4', funf: '5', sechs: '6', sieben: '7', acht: '8', neun: '9' },
  streetTypesAfter: ['strasse', 'str', 'weg', 'gasse', 'platz', 'allee', 'ring', 'damm', 'ufer', 'chaussee', 'steig', 'pfad'],
  streetTypesBefore: [],
  intersections: ['ecke', 'an der ecke', 'kreuzung'],
  birthCues: ['geboren', 'geb', 'geburtsdatum', 'geburtstag', 'geb am'],
  idCues: ['versichertennummer', 'versicherungsnummer', 'krankenversicherungsnummer', 'sozialversicherungsnummer', 'mitgliedsnummer', 'patientennummer', 'svnr', 'kundennummer', 'ausweisnummer', 'steuer id'],
  relations: ['(mein|meine|meinem|meiner) (kollege|kollegin|freund|freundin|nachbar|nachbarin|chef|chefin|bruder|schwester|cousin|cousine|onkel|tante|mutter|mama|vater|papa|mann|frau|partner|partnerin|sohn|tochter|neffe|nichte)'],
  children: ['(mein|unser) (sohn|kind|enkel|junge)', '(meine|unsere) (tochter|enkelin)'],
  schools: ['grundschule', 'gymnasium', 'realschule', 'hauptschule', 'gesamtschule', 'schule', 'kita', 'kindergarten'],
  emailProviders: ['gmail', 'gmx', 'web', 'hotmail', 'outlook', 'yahoo', 't online', 'icloud', 'freenet', 'posteo'],
  at: ['at', 'bei'],
  dot: ['punkt'],
};

export default lexicon;
