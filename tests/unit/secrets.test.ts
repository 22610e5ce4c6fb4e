import { readSecret, readSecretList } from '../../src/utils/secrets';

describe('readSecret', () => {
  it('uses the environment when set', () => {
    expect(readSecret({ JWT_SECRET: 'a-real-secret' }, 'JWT_SECRET', 'production')).toBe('a-real-secret');
  });

  it('falls back to a marked default outside production', () => {
    expect(readSecret({}, 'JWT_SECRET', 'development')).toBe('dev-only-jwt_secret');
    expect(readSecret({}, 'JWT_SECRET', 'test')).toBe('dev-only-jwt_secret');
  });

  it('refuses to start production with a missing secret, naming the variable', () => {
    expect(() => readSecret({}, 'ADMIN_JWT_SECRET', 'production')).toThrow(/ADMIN_JWT_SECRET is missing/);
    expect(() => readSecret({ ADMIN_JWT_SECRET: '  ' }, 'ADMIN_JWT_SECRET', 'production')).toThrow(/ADMIN_JWT_SECRET is missing/);
  });

  it('refuses to start production with a default secret', () => {
    expect(() => readSecret({ API_TOKEN_SALT: 'tobemodified' }, 'API_TOKEN_SALT', 'production')).toThrow(/API_TOKEN_SALT still has a default/);
    expect(() => readSecret({ APP_KEYS: 'good-key,dev-only-app_keys' }, 'APP_KEYS', 'production')).toThrow(/APP_KEYS/);
  });
});

describe('readSecretList', () => {
  it('splits comma-separated keys', () => {
    expect(readSecretList({ APP_KEYS: 'one, two,,three' }, 'APP_KEYS', 'production')).toEqual(['one', 'two', 'three']);
  });
});
