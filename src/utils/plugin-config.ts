import type { z } from 'zod';

/** A setting's value as the error quotes it (NaN, from an env.int of a word, as NaN). */
const shown = (value: unknown) => (value === undefined ? 'nothing' : typeof value === 'number' || typeof value === 'bigint' ? String(value) : JSON.stringify(value));

/**
 * A local plugin's `config.validator`: its configuration (defaults merged with config/plugins.ts) must match
 * `schema`, else start-up stops with every wrong key named, e.g. "Error regarding moderation config: undoSeconds
 * must be a whole number of seconds from 0 to 3600 (MODERATION_UNDO_SECONDS), got NaN" (Strapi adds the prefix).
 */
export const configValidator = (schema: z.ZodType) => (config: unknown) => {
  const result = schema.safeParse(config, { reportInput: true });
  if (result.success) return;
  const problems = result.error.issues.flatMap((issue) => {
    if (issue.code === 'unrecognized_keys') return issue.keys.map((key) => `${[...issue.path, key].join('.')} is not a setting of this plugin`);
    const key = issue.path.join('.') || 'the configuration';
    const got = 'input' in issue ? `, got ${shown(issue.input)}` : '';
    return [`${key} ${issue.message}${got}`];
  });
  throw new Error(problems.join('; '));
};
