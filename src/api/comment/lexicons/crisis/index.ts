import type { CrisisLexicon } from '../types';
import de from './de';
import en from './en';
import es from './es';
import fr from './fr';
import pt from './pt';

export const crisisLexicons: Record<string, CrisisLexicon> = { en, es, pt, fr, de };
