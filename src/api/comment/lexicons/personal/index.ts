import type { PersonalLexicon } from '../types';
import de from './de';
import en from './en';
import es from './es';
import fr from './fr';
import pt from './pt';

export const personalLexicons: Record<string, PersonalLexicon> = { en, es, pt, fr, de };
