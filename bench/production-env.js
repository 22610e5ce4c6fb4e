'use strict';

/** Random production secrets, shared by the processes of one benchmark or test run, as a deployment shares them. */
const { randomBytes } = require('crypto');

const secret = () => randomBytes(24).toString('base64');

const productionSecrets = () => ({
  NODE_ENV: 'production',
  APP_KEYS: `${secret()},${secret()}`,
  API_TOKEN_SALT: secret(),
  ADMIN_JWT_SECRET: secret(),
  TRANSFER_TOKEN_SALT: secret(),
  JWT_SECRET: secret(),
  ENCRYPTION_KEY: secret(),
  IP_HASH_SALT: secret(),
  COMMENTER_TOKEN_SECRET: secret(),
  CORS_ORIGINS: 'https://counseling.example',
  // Preview off, as in a deployment that has not set it up (a test process's own random PREVIEW_SECRET is not inherited).
  PREVIEW_SECRET: '',
});

module.exports = { productionSecrets };
