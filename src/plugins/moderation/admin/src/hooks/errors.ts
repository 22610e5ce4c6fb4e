import { isFetchError } from '@strapi/strapi/admin';
import type { ReplyWarning } from '../api';

/** The server's message for a failed request (a 4xx names what is wrong), or a generic one. */
export const messageOf = (error: unknown) =>
  (isFetchError(error) ? error.response?.data?.error?.message || error.message : null) ?? 'Something went wrong; try again.';

const isWarning = (value: unknown): value is ReplyWarning => {
  const warning = value as Partial<ReplyWarning> | null;
  return typeof warning?.message === 'string' && typeof warning.kind === 'string' && Array.isArray(warning.found);
};

/** The reply guard's warnings from a 400 on a reply as the practice; null for any other failure. */
export const replyWarningsOf = (error: unknown): ReplyWarning[] | null => {
  if (!isFetchError(error)) return null;
  const details = error.response?.data?.error?.details as { warnings?: unknown } | undefined;
  const warnings = Array.isArray(details?.warnings) ? details.warnings.filter(isWarning) : [];
  return warnings.length > 0 ? warnings : null;
};
