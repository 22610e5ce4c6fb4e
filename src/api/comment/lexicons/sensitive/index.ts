import type { SensitiveLexicon } from '../types';
import de from './de';
import en from './en';
import es from './es';
import fr from './fr';
import pt from './pt';

export const sensitiveLexicons: Record<string, SensitiveLexicon> = { en, es, pt, fr, de };
