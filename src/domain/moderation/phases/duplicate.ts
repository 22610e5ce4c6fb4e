import type { Phase } from '../types';

/** The same text from someone else (pre-posting common questions must not bury later genuine ones): reviewed. */
export const duplicatePhase: Phase = {
  name: 'duplicate',
  run: ({ standing }) => ({ flags: standing.isDuplicate ? ['duplicate-text'] : [] }),
};
