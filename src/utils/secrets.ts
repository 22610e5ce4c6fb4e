/**
 * Secrets for Strapi's config files. There are no defaults in code: `npm run develop` writes random ones to `.env`
 * on a fresh clone (scripts/ensure-env.js), the tests set their own, and a deployment sets its own. A missing secret
 * stops the server at start, naming the variable; production also refuses placeholders and the `dev-only-` values
 * earlier versions used.
 */
export const DEV_SECRET_PREFIX = 'dev-only-';

const PLACEHOLDERS = new Set(['tobemodified', 'changeme', 'change-me', 'secret', 'toBeModified1,toBeModified2']);

export class MissingSecretError extends Error {
  constructor(readonly variable: string, reason: string, production: boolean) {
    super(
      production
        ? `${variable} ${reason}: set it in the environment (see .env.example) before starting in production.`
        : `${variable} ${reason}: run \`npm run develop\` once (it writes random development secrets to .env), or set it in the environment (see .env.example).`
    );
    this.name = 'MissingSecretError';
  }
}

const isDefaultValue = (value: string) =>
  PLACEHOLDERS.has(value) || value.split(',').some((part) => part.startsWith(DEV_SECRET_PREFIX) || PLACEHOLDERS.has(part));

/** Returns the secret from `env`, or throws naming the variable. */
export const readSecret = (
  env: NodeJS.ProcessEnv,
  variable: string,
  nodeEnv: string | undefined = env.NODE_ENV
): string => {
  const production = nodeEnv === 'production';
  const value = env[variable]?.trim();
  if (!value) throw new MissingSecretError(variable, 'is missing', production);
  if (production && isDefaultValue(value)) throw new MissingSecretError(variable, 'still has a default value', production);
  return value;
};

/** APP_KEYS is a comma-separated list; Strapi needs at least one key. */
export const readSecretList = (env: NodeJS.ProcessEnv, variable: string, nodeEnv?: string): string[] =>
  readSecret(env, variable, nodeEnv)
    .split(',')
    .map((key) => key.trim())
    .filter(Boolean);
