import fs from 'fs';
import path from 'path';

/**
 * Trained risk models on disk, by the fingerprint of what they were trained on: a process that starts on an empty
 * database (a test file, a new instance, a fresh deployment) reads the models another process on this machine
 * already trained from the same labelled comments, instead of training them again (tens of seconds of CPU on a busy
 * machine). The database copy (model-store.ts) stays the one every instance shares; this is only a shortcut to it.
 * An unreadable or foreign file is ignored, and a write goes to a temporary name first, so a reader never sees half
 * a file. No directory: no cache.
 */
export interface TrainedModelsCache<M> {
  get(fingerprint: string): M | null;
  set(fingerprint: string, model: M): void;
}

const FINGERPRINT = /^[0-9a-f]{64}$/;

export const trainedModelsCache = <M>(
  directory: string | null,
  codec: { fromJSON(json: string): M | null; toJSON(model: M): string },
  warn: (message: string) => void
): TrainedModelsCache<M> => {
  const file = (fingerprint: string) => (directory && FINGERPRINT.test(fingerprint) ? path.join(directory, `${fingerprint}.json`) : null);
  return {
    get(fingerprint) {
      const target = file(fingerprint);
      if (!target || !fs.existsSync(target)) return null;
      try {
        return codec.fromJSON(fs.readFileSync(target, 'utf8'));
      } catch {
        return null;
      }
    },
    set(fingerprint, model) {
      const target = file(fingerprint);
      if (!target) return;
      try {
        fs.mkdirSync(path.dirname(target), { recursive: true });
        const partial = `${target}.${process.pid}.${Date.now()}.partial`;
        fs.writeFileSync(partial, codec.toJSON(model));
        fs.renameSync(partial, target);
      } catch (error) {
        warn(`Risk models: could not keep the trained models in ${directory}: ${(error as Error).message}`);
      }
    },
  };
};
