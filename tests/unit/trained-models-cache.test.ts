import fs from 'fs';
import os from 'os';
import path from 'path';
import { trainedModelsCache } from '#domain/moderation';

const codec = {
  fromJSON: (json: string) => {
    const value = JSON.parse(json) as { n?: unknown };
    return typeof value.n === 'number' ? { n: value.n } : null;
  },
  toJSON: (model: { n: number }) => JSON.stringify(model),
};
const FINGERPRINT = 'a'.repeat(64);

describe('the cache of trained models', () => {
  let dir: string;
  const warnings: string[] = [];
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'trained-models-'));
    warnings.length = 0;
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('gives back what was kept under the same fingerprint, and nothing under another', () => {
    const cache = trainedModelsCache(path.join(dir, 'models'), codec, (message) => warnings.push(message));
    expect(cache.get(FINGERPRINT)).toBeNull();
    cache.set(FINGERPRINT, { n: 7 });
    expect(cache.get(FINGERPRINT)).toEqual({ n: 7 });
    expect(cache.get('b'.repeat(64))).toBeNull();
    expect(fs.readdirSync(path.join(dir, 'models'))).toEqual([`${FINGERPRINT}.json`]);
  });

  it('ignores an unreadable or foreign file, and names that are not fingerprints', () => {
    const cache = trainedModelsCache(dir, codec, (message) => warnings.push(message));
    fs.writeFileSync(path.join(dir, `${FINGERPRINT}.json`), '{"n": "seven"');
    expect(cache.get(FINGERPRINT)).toBeNull();
    fs.writeFileSync(path.join(dir, `${FINGERPRINT}.json`), '{"other": 1}');
    expect(cache.get(FINGERPRINT)).toBeNull();
    cache.set('../escape', { n: 1 });
    expect(cache.get('../escape')).toBeNull();
    expect(fs.existsSync(path.join(dir, '..', 'escape.json'))).toBe(false);
  });

  it('keeps nothing without a directory, and warns (without throwing) when it cannot write', () => {
    const none = trainedModelsCache(null, codec, (message) => warnings.push(message));
    none.set(FINGERPRINT, { n: 1 });
    expect(none.get(FINGERPRINT)).toBeNull();
    const blocked = path.join(dir, 'a-file');
    fs.writeFileSync(blocked, '');
    trainedModelsCache(path.join(blocked, 'models'), codec, (message) => warnings.push(message)).set(FINGERPRINT, { n: 1 });
    expect(warnings).toHaveLength(1);
  });
});
