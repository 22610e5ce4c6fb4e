import type { Phase } from '../types';

/** A form field people never see: bots fill it in. */
export const honeypotPhase: Phase = {
  name: 'honeypot',
  run: ({ candidate }) => ({ flags: candidate.honeypot && candidate.honeypot.trim() !== '' ? ['honeypot'] : [] }),
};
