import fs from 'fs';
import path from 'path';
import type { Core } from '@strapi/strapi';
import unitedStates from '../src/api/comment/support/us.json';

/**
 * What a reader who writes crisis language is shown at once (the `support` object of the comment's POST answer),
 * written to the Safe Messaging Guidelines: acknowledge, give hope and a person to reach now, no method details.
 * The default is for the United States (`src/api/comment/support/us.json`); a deployment elsewhere points
 * CRISIS_SUPPORT_FILE at its own file of the same shape, and PRACTICE_CRISIS_PHONE lists the practice's own line first.
 */
export interface SupportResource {
  name: string;
  description: string;
  phone?: string;
  sms?: string;
  smsBody?: string;
  url?: string;
}

export interface CrisisSupport {
  message: string;
  resources: SupportResource[];
  emergency: SupportResource;
}

const config = ({ env }: Core.Config.Shared.ConfigParams): { crisis: CrisisSupport } => {
  const file = env('CRISIS_SUPPORT_FILE', '');
  const support: CrisisSupport = file ? JSON.parse(fs.readFileSync(path.resolve(file), 'utf8')) : structuredClone(unitedStates);
  const practicePhone = env('PRACTICE_CRISIS_PHONE', '');
  if (practicePhone) {
    support.resources.unshift({
      name: env('ORGANIZER_NAME', 'Counseling Practice'),
      description: env('PRACTICE_CRISIS_DESCRIPTION', 'Call our team during office hours.'),
      phone: practicePhone,
    });
  }
  return { crisis: support };
};

export default config;
