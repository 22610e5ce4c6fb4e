import type { Core } from '@strapi/strapi';
import Holidays from 'date-holidays';

/**
 * Public holidays of the practice's country (and region) from date-holidays, as a lookup by local date. Only
 * `public` holidays count (not observances such as Valentine's Day). Years are computed once and kept.
 */
const service = ({ strapi }: { strapi: Core.Strapi }) => {
  const config = () => strapi.plugin('schedule-panel').config('holidays') as { country: string; region: string };
  let calendar: Holidays | null = null;
  const years = new Map<number, Map<string, string>>();

  const ofYear = (year: number) => {
    let dates = years.get(year);
    if (!dates) {
      const { country, region } = config();
      calendar ??= region ? new Holidays(country, region) : new Holidays(country);
      dates = new Map();
      for (const holiday of calendar.getHolidays(year) || []) {
        if (holiday.type !== 'public') continue;
        const date = holiday.date.slice(0, 10);
        dates.set(date, dates.has(date) ? `${dates.get(date)}, ${holiday.name}` : holiday.name);
      }
      years.set(year, dates);
    }
    return dates;
  };

  return {
    /** The public holiday on a local date (YYYY-MM-DD), or null. */
    holidayOn(date: string): string | null {
      return ofYear(Number(date.slice(0, 4))).get(date) ?? null;
    },
  };
};

export default service;

declare module '#app/utils/services' {
  interface Services {
    'plugin::schedule-panel.holidays': ReturnType<typeof service>;
  }
}
