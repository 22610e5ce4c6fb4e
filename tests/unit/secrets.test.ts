import { readSecret, readSecretList } from '../../src/utils/secrets';

describe('readSecret', () => {
  it('uses the environment when set', () => {
    expect(readSecret({ JWT_SECRET: 'a-real-secret' }, 'JWT_SECRET', 'production')).toBe('a-real-secret');
    expect(readSecret({ JWT_SECRET: 'a-dev-secret' }, 'JWT_SECRET', 'development')).toBe('a-dev-secret');
  });

  it('has no default anywhere: a missing secret stops development and tests too, saying how to get one', () => {
    expect(() => readSecret({}, 'JWT_SECRET', 'development')).toThrow(/JWT_SECRET is missing: run `npm run develop` once/);
    expect(() => readSecret({}, 'JWT_SECRET', 'test')).toThrow(/JWT_SECRET is missing/);
    expect(() => readSecret({}, 'JWT_SECRET', undefined)).toThrow(/JWT_SECRET is missing/);
  });

  it('refuses to start production with a missing secret, naming the variable', () => {
    expect(() => readSecret({}, 'ADMIN_JWT_SECRET', 'production')).toThrow(/ADMIN_JWT_SECRET is missing: set it in the environment/);
    expect(() => readSecret({ ADMIN_JWT_SECRET: '  ' }, 'ADMIN_JWT_SECRET', 'production')).toThrow(/ADMIN_JWT_SECRET is missing/);
  });

  it('refuses to start production with a default secret', () => {
    expect(() => readSecret({ API_TOKEN_SALT: 'tobemodified' }, 'API_TOKEN_SALT', 'production')).toThrow(/API_TOKEN_SALT still has a default/);
    expect(() => readSecret({ APP_KEYS: 'good-key,dev-only-app_keys' }, 'APP_KEYS', 'production')).toThrow(/APP_KEYS/);
  });
});

describe('npm start', () => {
  it('runs in production, where missing and default secrets are refused', () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { scripts } = require('../../package.json') as { scripts: Record<string, string> };
    expect(scripts.start).toMatch(/^NODE_ENV=production .*strapi start$/);
    expect(scripts.develop).toMatch(/^node scripts\/ensure-env\.js && strapi develop$/);
  });
});

describe('readSecretList', () => {
  it('splits comma-separated keys', () => {
    expect(readSecretList({ APP_KEYS: 'one, two,,three' }, 'APP_KEYS', 'production')).toEqual(['one', 'two', 'three']);
  });
});
