import type { SpamLexicon } from '../types';
import de from './de';
import en from './en';
import es from './es';
import fr from './fr';
import pt from './pt';

export const spamLexicons: Record<string, SpamLexicon> = { en, es, pt, fr, de };
