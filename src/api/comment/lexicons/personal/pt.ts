import type { PersonalLexicon } from '../types';

const lexicon: PersonalLexicon = {
  digits: { zero: '0', um: '1', uma: '1', dois: '2', duas: '2', tres: '3', quatro: '4', cinco: '5', seis: '6', meia: '6', sete: '7', oito: '8', nove: '9' },
  streetTypesAfter: [],
  streetTypesBefore: ['rua', 'r', 'avenida', 'av', 'travessa', 'tv', 'praca', 'alameda', 'al', 'largo', 'estrada', 'rodovia'],
  intersections: ['esquina (de|com)', 'na esquina', 'cruzamento (de|da|do)'],
  birthCues: ['nasci', 'nascido', 'nascida', 'data de nascimento', 'dt nasc', 'aniversario'],
  idCues: ['cpf', 'rg', 'cartao (do )?sus', 'numero (do|da|de) (plano|carteirinha|apolice|paciente|prontuario|seguro|utente)', 'carteirinha', 'apolice', 'nif', 'niss', 'numero de utente'],
  relations: ['(meu|minha) (colega|amigo|amiga|vizinho|vizinha|chefe|irmao|irma|primo|prima|tio|tia|mae|pai|marido|esposa|mulher|namorado|namorada|filho|filha|sobrinho|sobrinha)'],
  children: ['(meu|nosso) (filho|neto|menino|enteado)', '(minha|nossa) (filha|neta|menina|enteada)'],
  schools: ['escola', 'colegio', 'liceu', 'creche', 'jardim de infancia', 'agrupamento', 'ensino fundamental', 'ensino medio'],
  emailProviders: ['gmail', 'hotmail', 'outlook', 'yahoo', 'icloud', 'live', 'uol', 'bol', 'terra', 'sapo'],
  at: ['arroba'],
  dot: ['ponto'],
};

export default lexicon;
