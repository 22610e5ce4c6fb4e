import type { Core } from '@strapi/strapi';
import { readSecret } from '../src/utils/secrets';

const config = ({ env }: Core.Config.Shared.ConfigParams) => ({
  'users-permissions': {
    config: {
      jwtSecret: readSecret(process.env, 'JWT_SECRET'),
      jwt: { expiresIn: '7d' },
      // The auth endpoints' brute-force limiter stays on everywhere except the test suite, which logs in often.
      ratelimit: { enabled: env('NODE_ENV') !== 'test' },
      register: { allowedFields: [] },
    },
  },
});

export default config;
