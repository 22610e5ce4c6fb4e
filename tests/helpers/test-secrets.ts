/**
 * Jest setup (unit and integration projects): the code has no default secrets, so every test process gets random
 * ones of its own, from the list `npm run develop` writes to .env. A test that needs a known value sets it.
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { randomSecrets } = require('../../scripts/ensure-env') as { randomSecrets: () => Record<string, string> };

for (const [name, value] of Object.entries(randomSecrets())) process.env[name] ||= value;
