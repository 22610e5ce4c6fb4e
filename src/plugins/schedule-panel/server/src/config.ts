import Holidays from 'date-holidays';
import { z } from 'zod';
import { configValidator } from '#app/utils/plugin-config';

const known = new Holidays();
const countries = Object.keys(known.getCountries() ?? {});
const regionsOf = (country: string) => Object.keys(known.getStates(country) ?? {});
const same = (a: string, b: string) => a.toUpperCase() === b.toUpperCase();

/**
 * The Sessions panel's settings (config/plugins.ts → schedule-panel.config), checked at start-up: a country or
 * region date-holidays does not know would give no holidays, and so no holiday warning, without a word.
 */
export const configSchema = z
  .object({
    holidays: z
      .object({
        country: z
          .string({ error: 'must be a country code (HOLIDAYS_COUNTRY), e.g. US' })
          .refine((country) => countries.some((code) => same(code, country)), { error: 'must be a country code date-holidays knows (HOLIDAYS_COUNTRY), e.g. US, CA, GB, DE' }),
        region: z.string({ error: 'must be a region code (HOLIDAYS_REGION), e.g. NY, or empty' }),
      })
      .strict()
      .superRefine(({ country, region }, ctx) => {
        if (!region || !countries.some((code) => same(code, country))) return;
        const regions = regionsOf(country);
        if (regions.some((code) => same(code, region))) return;
        const choices = regions.length ? `: ${regions.join(', ')}` : `; date-holidays knows none for ${country}`;
        ctx.addIssue({ code: 'custom', path: ['region'], input: region, message: `must be empty or a region of ${country} (HOLIDAYS_REGION)${choices}` });
      }),
  })
  .strict();

export type SchedulePanelConfig = z.infer<typeof configSchema>;

export default {
  default: { holidays: { country: 'US', region: '' } } satisfies SchedulePanelConfig,
  validator: configValidator(configSchema),
};
