import type { Core } from '@strapi/strapi';
import { readSecret } from '../src/utils/secrets';
import { previewConfig } from '../src/preview/config';

const config = ({ env }: Core.Config.Shared.ConfigParams): Core.Config.Admin => ({
  auth: {
    secret: readSecret(process.env, 'ADMIN_JWT_SECRET'),
  },
  apiToken: {
    salt: readSecret(process.env, 'API_TOKEN_SALT'),
  },
  transfer: {
    token: {
      salt: readSecret(process.env, 'TRANSFER_TOKEN_SALT'),
    },
  },
  secrets: {
    encryptionKey: readSecret(process.env, 'ENCRYPTION_KEY'),
  },
  flags: {
    nps: false,
    promoteEE: false,
  },
  // The Content Manager's preview pane: articles and programs open their page on the website (src/preview/).
  preview: previewConfig(env),
  autoOpen: false,
  watchIgnoreFiles: ['**/tests/**', '**/bench/**'],
  url: env('ADMIN_URL', '/admin'),
});

export default config;
