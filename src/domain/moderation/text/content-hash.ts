import { createHash } from 'crypto';
import { normalise, type NormalisedText } from './normalise';

/** Identifies "the same comment again" across spacing, case, accents and disguises. */
export const contentHashOf = (text: NormalisedText) => createHash('sha256').update(text.joined).digest('hex');
export const contentHash = (body: string) => contentHashOf(normalise(body));
