/**
 * Secrets for Strapi's config files. Development and test get fixed, clearly-marked defaults so a fresh clone
 * runs without editing `.env`; production refuses to start while a secret is missing or still a default.
 */
export const DEV_SECRET_PREFIX = 'dev-only-';

const PLACEHOLDERS = new Set(['tobemodified', 'changeme', 'change-me', 'secret', 'toBeModified1,toBeModified2']);

export class MissingSecretError extends Error {
  constructor(readonly variable: string, reason: string) {
    super(`${variable} ${reason}: set it in the environment (see .env.example) before starting in production.`);
    this.name = 'MissingSecretError';
  }
}

const isDefaultValue = (value: string) =>
  PLACEHOLDERS.has(value) || value.split(',').some((part) => part.startsWith(DEV_SECRET_PREFIX) || PLACEHOLDERS.has(part));

/** Returns the secret from `env`, a development default outside production, or throws naming the variable. */
export const readSecret = (
  env: NodeJS.ProcessEnv,
  variable: string,
  nodeEnv: string | undefined = env.NODE_ENV
): string => {
  const value = env[variable]?.trim();
  if (nodeEnv !== 'production') {
    return value || `${DEV_SECRET_PREFIX}${variable.toLowerCase()}`;
  }
  if (!value) throw new MissingSecretError(variable, 'is missing');
  if (isDefaultValue(value)) throw new MissingSecretError(variable, 'still has a default value');
  return value;
};

/** APP_KEYS is a comma-separated list; Strapi needs at least one key. */
export const readSecretList = (env: NodeJS.ProcessEnv, variable: string, nodeEnv?: string): string[] =>
  readSecret(env, variable, nodeEnv)
    .split(',')
    .map((key) => key.trim())
    .filter(Boolean);
