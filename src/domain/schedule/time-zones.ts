import { TIME_ZONE_NAMES } from './time-zone-names';

/**
 * Time zone names as editors may type or old records may hold them ("america/new_york", "US/Eastern",
 * "Asia/Calcutta"), turned into the one IANA name calendar apps and zoneinfo readers expect ("Asia/Kolkata").
 * Intl resolves case and links to ICU's canonical id; ICU still uses a few spellings that the tz database has
 * since renamed, mapped here.
 */

const RENAMED: Record<string, string> = {
  'Africa/Asmera': 'Africa/Asmara',
  'America/Buenos_Aires': 'America/Argentina/Buenos_Aires',
  'America/Catamarca': 'America/Argentina/Catamarca',
  'America/Coral_Harbour': 'America/Atikokan',
  'America/Cordoba': 'America/Argentina/Cordoba',
  'America/Godthab': 'America/Nuuk',
  'America/Indianapolis': 'America/Indiana/Indianapolis',
  'America/Jujuy': 'America/Argentina/Jujuy',
  'America/Louisville': 'America/Kentucky/Louisville',
  'America/Mendoza': 'America/Argentina/Mendoza',
  'Asia/Calcutta': 'Asia/Kolkata',
  'Asia/Katmandu': 'Asia/Kathmandu',
  'Asia/Rangoon': 'Asia/Yangon',
  'Asia/Saigon': 'Asia/Ho_Chi_Minh',
  'Atlantic/Faeroe': 'Atlantic/Faroe',
  'Europe/Kiev': 'Europe/Kyiv',
  'Pacific/Enderbury': 'Pacific/Kanton',
  'Pacific/Ponape': 'Pacific/Pohnpei',
  'Pacific/Truk': 'Pacific/Chuuk',
};

const OFFERED = new Set(TIME_ZONE_NAMES);
const resolved = new Map<string, string | null>();

/** The canonical IANA name of `name`, or null when it is not a time zone editors may choose. */
export const canonicalTimeZone = (name: string): string | null => {
  if (OFFERED.has(name)) return name;
  if (resolved.has(name)) return resolved.get(name)!;
  let canonical: string | null = null;
  // Abbreviations are ambiguous to people ("EST" is Panama's zone in the tz database, not New York's).
  if (!name.includes('/') && !/^\s*(utc|gmt)\s*$/i.test(name)) return null;
  try {
    const icu = new Intl.DateTimeFormat('en', { timeZone: name.trim() }).resolvedOptions().timeZone;
    const iana = RENAMED[icu] ?? icu;
    canonical = OFFERED.has(iana) ? iana : null;
  } catch {
    // not a time zone
  }
  if (resolved.size < 1000) resolved.set(name, canonical);
  return canonical;
};
