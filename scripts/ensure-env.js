#!/usr/bin/env node
'use strict';

/**
 * `npm run develop` runs this before `strapi develop`: on a fresh clone it writes random secrets to `.env` (or
 * ENV_PATH), once, as Strapi's own project generator does, so no two development machines share a secret and none
 * is written in code. A value already in the file, or set in the environment, is never changed; an empty `NAME=` line
 * (a copied .env.example) is filled in. Under NODE_ENV=production it writes nothing: a deployment sets its own.
 * Plain JavaScript, so it runs before anything is compiled.
 */
const { randomBytes } = require('crypto');
const fs = require('fs');
const path = require('path');

/** Every secret the configuration reads (config/*.ts, src/preview/config.ts through src/utils/secrets.ts). */
const SECRETS = [
  'APP_KEYS',
  'API_TOKEN_SALT',
  'ADMIN_JWT_SECRET',
  'TRANSFER_TOKEN_SALT',
  'JWT_SECRET',
  'ENCRYPTION_KEY',
  'IP_HASH_SALT',
  'COMMENTER_TOKEN_SECRET',
  'PREVIEW_SECRET',
  'SITE_REBUILD_SECRET',
];

const randomKey = () => randomBytes(32).toString('base64');
/** APP_KEYS holds four keys, comma-separated, as Strapi generates it; the others one key each. */
const randomValue = (name) => (name === 'APP_KEYS' ? [randomKey(), randomKey(), randomKey(), randomKey()].join(',') : randomKey());
const randomSecrets = () => Object.fromEntries(SECRETS.map((name) => [name, randomValue(name)]));

const ASSIGNMENT = /^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=(.*)$/;
const isEmpty = (value) => ['', '""', "''"].includes(value.trim());

/**
 * Gives `file` every secret it lacks (missing or empty) and `env` does not set; answers the names written. The rest
 * of the file (comments, other settings, existing secrets) stays as it was.
 */
const ensureEnvFile = ({ file, env = process.env }) => {
  const before = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
  const fromEnvironment = (name) => typeof env[name] === 'string' && env[name].trim() !== '';
  const written = [];
  const present = new Set();
  const lines = before === '' ? [] : before.replace(/\r?\n$/, '').split(/\r?\n/);
  const kept = lines.map((line) => {
    const match = ASSIGNMENT.exec(line);
    if (!match) return line;
    const [, name, value] = match;
    present.add(name);
    if (!SECRETS.includes(name) || !isEmpty(value) || fromEnvironment(name)) return line;
    written.push(name);
    return `${name}=${randomValue(name)}`;
  });
  const missing = SECRETS.filter((name) => !present.has(name) && !fromEnvironment(name));
  if (written.length + missing.length === 0) return [];
  const added = missing.length === 0 ? [] : ['', '# Random development secrets, written once by scripts/ensure-env.js (npm run develop). Not for production.', ...missing.map((name) => `${name}=${randomValue(name)}`)];
  fs.writeFileSync(file, `${[...kept, ...added].join('\n').replace(/^\n+/, '')}\n`, { mode: 0o600 });
  return [...written, ...missing];
};

module.exports = { SECRETS, randomSecrets, ensureEnvFile };

if (require.main === module) {
  if (process.env.NODE_ENV === 'production') {
    process.stdout.write('NODE_ENV=production: no .env written (a deployment sets its own secrets).\n');
  } else {
    const file = path.resolve(process.env.ENV_PATH || path.join(process.cwd(), '.env'));
    const written = ensureEnvFile({ file });
    if (written.length > 0) {
      process.stdout.write(`Wrote random development secrets to ${path.relative(process.cwd(), file) || file}: ${written.join(', ')} (kept out of git by .gitignore).\n`);
    }
  }
}
