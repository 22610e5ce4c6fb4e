#!/usr/bin/env node
'use strict';

/**
 * `npm run build`: runs a command that loads the configuration but signs nothing that outlives it (`strapi build`
 * reads the admin panel's URL and cookie settings, never a secret's value), with random secrets for those not set.
 * So the admin panel builds on a fresh clone, in CI and in the Docker image without real secrets, and none is kept.
 */
const { spawnSync } = require('child_process');
const { randomSecrets } = require('./ensure-env');

const [command, ...args] = process.argv.slice(2);
if (!command) {
  process.stderr.write('Usage: node scripts/with-throwaway-secrets.js <command> [args...]\n');
  process.exit(2);
}
const env = { ...process.env };
for (const [name, value] of Object.entries(randomSecrets())) if (!env[name]?.trim()) env[name] = value;
const result = spawnSync(command, args, { stdio: 'inherit', env, shell: process.platform === 'win32' });
if (result.error) {
  process.stderr.write(`${result.error.message}\n`);
  process.exit(1);
}
process.exit(result.status ?? 1);
