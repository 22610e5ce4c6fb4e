import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { PUBLIC_ACTIONS } from '../bootstrap/public-permissions';
import { getService } from '../utils/services';

/**
 * What a static site build may do: read what the Public role reads (its read actions), nothing else. No create, update, delete,
 * comment, user or upload action; a draft only when the build asks for it with `?status=draft` (an API token may,
 * see src/utils/public-read.ts), which is how a website's server-side preview renders an editor's draft.
 */
const READS = /\.(find|findOne|upcoming|upcomingCalendar|calendar|forArticle|index)$/;
export const BUILD_TOKEN_ACTIONS = PUBLIC_ACTIONS.filter((action) => action.startsWith('api::') && READS.test(action));

export interface BuildTokenOptions {
  name: string;
  description?: string;
  /** Days until it expires (7, 30, 90), or null for a token that never expires. */
  lifespanDays?: number | null;
}

const LIFESPANS = new Set([7, 30, 90]);
const DAY_MS = 24 * 60 * 60 * 1000;

/** Creates a read-only (custom) API token and returns its access key: Strapi stores only its hash. */
export const createBuildToken = async (strapi: Core.Strapi, { name, description, lifespanDays = null }: BuildTokenOptions): Promise<string> => {
  if (!name.trim()) throw new errors.ValidationError('A token needs a name (--name website-build).');
  if (lifespanDays !== null && !LIFESPANS.has(lifespanDays)) throw new errors.ValidationError('--days is 7, 30 or 90 (or leave it out: no expiry).');
  const tokens = getService(strapi, 'admin::api-token');
  if (await tokens.exists({ name })) {
    throw new errors.ValidationError(`An API token named "${name}" already exists: delete or regenerate it in Settings → API Tokens, or choose another name.`);
  }
  const token = await tokens.create({
    name,
    description: description ?? 'Read-only: published articles, programs, topics, the feed and approved comments (static site builds).',
    type: 'custom',
    permissions: [...BUILD_TOKEN_ACTIONS],
    lifespan: lifespanDays === null ? null : lifespanDays * DAY_MS,
  });
  return token.accessKey;
};
