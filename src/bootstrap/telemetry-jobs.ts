import type { Core } from '@strapi/strapi';

/** Strapi's own cron jobs that only gather usage figures for its telemetry. */
const TELEMETRY_JOBS = ['uploadWeekly', 'sendProjectInformation'];

/**
 * With telemetry off (package.json `strapi.telemetryDisabled`, or STRAPI_TELEMETRY_DISABLED) nothing is ever sent,
 * yet the upload plugin still schedules a weekly job (first run 15 seconds after boot on a database where it never
 * ran) that counts files and folders and rewrites a store row, and the admin a daily one (midnight) that counts
 * admin users. Removed: their queries serve nobody.
 */
export const dropTelemetryJobs = (strapi: Core.Strapi) => {
  if (!strapi.telemetry.isDisabled) return;
  for (const name of TELEMETRY_JOBS) strapi.cron.remove(name);
};
