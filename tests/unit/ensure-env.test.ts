import fs from 'fs';
import os from 'os';
import path from 'path';
import { readSecret, readSecretList } from '../../src/utils/secrets';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { SECRETS, ensureEnvFile } = require('../../scripts/ensure-env') as {
  SECRETS: string[];
  ensureEnvFile: (options: { file: string; env?: Record<string, string | undefined> }) => string[];
};

const values = (file: string) =>
  Object.fromEntries(
    fs
      .readFileSync(file, 'utf8')
      .split('\n')
      .filter((line) => /^[A-Z_]+=/.test(line))
      .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)])
  );

describe('scripts/ensure-env.js (npm run develop)', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ensure-env-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('writes every secret to a fresh clone’s .env, readable by the production checks, only for its owner', () => {
    const file = path.join(dir, '.env');
    expect(ensureEnvFile({ file, env: {} }).sort()).toEqual([...SECRETS].sort());
    const written = values(file);
    expect(Object.keys(written).sort()).toEqual([...SECRETS].sort());
    for (const name of SECRETS) expect(() => readSecret(written, name, 'production')).not.toThrow();
    expect(readSecretList(written, 'APP_KEYS', 'production')).toHaveLength(4);
    expect(new Set(Object.values(written)).size).toBe(SECRETS.length);
    expect(fs.statSync(file).mode & 0o077).toBe(0);
  });

  it('writes once: a second run changes nothing', () => {
    const file = path.join(dir, '.env');
    ensureEnvFile({ file, env: {} });
    const first = fs.readFileSync(file, 'utf8');
    expect(ensureEnvFile({ file, env: {} })).toEqual([]);
    expect(fs.readFileSync(file, 'utf8')).toBe(first);
  });

  it('keeps existing values and other settings, fills empty lines of a copied .env.example, skips what the environment sets', () => {
    const file = path.join(dir, '.env');
    fs.writeFileSync(file, '# mine\nPORT=1338\nJWT_SECRET=my-own-jwt-secret\nAPP_KEYS=\nexport API_TOKEN_SALT="quoted salt"\nIP_HASH_SALT=""\n');
    const written = ensureEnvFile({ file, env: { COMMENTER_TOKEN_SECRET: 'from-the-environment' } });
    expect(written).toEqual(expect.arrayContaining(['APP_KEYS', 'IP_HASH_SALT', 'ADMIN_JWT_SECRET']));
    expect(written).not.toEqual(expect.arrayContaining(['JWT_SECRET']));
    expect(written).not.toContain('API_TOKEN_SALT');
    expect(written).not.toContain('COMMENTER_TOKEN_SECRET');
    const text = fs.readFileSync(file, 'utf8');
    expect(text.startsWith('# mine\nPORT=1338\nJWT_SECRET=my-own-jwt-secret\nAPP_KEYS=')).toBe(true);
    expect(text).toContain('export API_TOKEN_SALT="quoted salt"');
    const after = values(file);
    expect(after.JWT_SECRET).toBe('my-own-jwt-secret');
    expect(after.APP_KEYS.split(',')).toHaveLength(4);
    expect(after.IP_HASH_SALT).not.toBe('""');
    expect(after).not.toHaveProperty('COMMENTER_TOKEN_SECRET');
  });

  it('is random each time: two fresh clones share no secret', () => {
    const [a, b] = ['a.env', 'b.env'].map((name) => path.join(dir, name));
    ensureEnvFile({ file: a, env: {} });
    ensureEnvFile({ file: b, env: {} });
    const [first, second] = [values(a), values(b)];
    for (const name of SECRETS) expect(first[name]).not.toBe(second[name]);
  });
});
