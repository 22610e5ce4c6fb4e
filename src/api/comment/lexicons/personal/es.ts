import type { PersonalLexicon } from '../types';

const lexicon: PersonalLexicon = {
  digits: { cero: '0', uno: '1', una: '1', dos: '2', tres: '3', cuatro: '4', cinco: '5', seis: '6', siete: '7', ocho: '8', nueve: '9' },
  streetTypesAfter: [],
  streetTypesBefore: ['calle', 'c', 'avenida', 'avda', 'av', 'paseo', 'plaza', 'pza', 'camino', 'carrera', 'cra', 'ronda', 'travesia'],
  intersections: ['esquina (de|con)', 'en la esquina', 'cruce de'],
  birthCues: ['naci', 'nacido', 'nacida', 'fecha de nacimiento', 'f nac', 'cumpleanos', 'mi cumple'],
  idCues: ['(numero|num|no|n) de (afiliado|afiliacion|poliza|seguro|socio|paciente|historia clinica)', 'poliza', 'nss', 'dni', 'nie', 'curp', 'rfc', 'tarjeta sanitaria', 'seguro social'],
  relations: ['mi (companero|companera|colega|amigo|amiga|vecino|vecina|jefe|jefa|hermano|hermana|primo|prima|tio|tia|madre|mama|padre|papa|esposo|esposa|marido|mujer|pareja|novio|novia|hijo|hija|sobrino|sobrina)', 'mis (hijos|hermanos|padres)'],
  children: ['mi (hijo|hija|nino|nina|nieto|nieta|hijastro|hijastra)', 'nuestro hijo', 'nuestra hija'],
  schools: ['colegio', 'escuela', 'instituto', 'ies', 'liceo', 'primaria', 'secundaria', 'kinder', 'guarderia'],
  emailProviders: ['gmail', 'hotmail', 'outlook', 'yahoo', 'icloud', 'live', 'telefonica', 'movistar'],
  at: ['arroba', 'en'],
  dot: ['punto'],
};

export default lexicon;
