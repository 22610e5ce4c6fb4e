import fs from 'fs';
import path from 'path';
import { parse } from 'yaml';
import { z } from 'zod';
import { dataDir } from '../data-dir';

/**
 * "Ask about this group": the consent sentence a website shows (data/inquiries/consent.yaml) and whether an inquiry
 * joins the program's waiting list. Plain TypeScript, no Strapi.
 */
export interface ConsentSentence {
  version: string;
  sentence: string;
}

const consentFile = z.object({ version: z.coerce.string().min(1), sentence: z.string().trim().min(20).max(1000) }).strict();

let consent: ConsentSentence | undefined;

/** A consent file's content; a malformed one throws naming the file and field. */
export const parseConsent = (text: string, file: string): ConsentSentence => {
  const parsed = consentFile.safeParse(parse(text));
  if (!parsed.success) throw new Error(`${file}: ${parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')}`);
  return parsed.data;
};

/** The consent sentence of data/inquiries/consent.yaml, read once. */
export const consentSentence = (): ConsentSentence => {
  const file = path.join(dataDir(), 'inquiries', 'consent.yaml');
  return (consent ??= parseConsent(fs.readFileSync(file, 'utf8'), file));
};

export interface Enrollment {
  capacity?: number | null;
  seatsTaken?: number | null;
  enrollmentStatus?: string | null;
}

/**
 * A program is full when its seats are all taken (capacity set and seatsTaken at or above it) or when editors set
 * its enrollment to `waitlist` or `closed`: an inquiry then puts the person on its waiting list.
 */
export const isFull = ({ capacity, seatsTaken, enrollmentStatus }: Enrollment): boolean =>
  enrollmentStatus === 'waitlist' || enrollmentStatus === 'closed' || (typeof capacity === 'number' && capacity > 0 && (seatsTaken ?? 0) >= capacity);
