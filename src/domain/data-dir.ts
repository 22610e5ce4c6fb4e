import fs from 'fs';
import path from 'path';

/**
 * The project's `data/` folder (lexicons, the learned models' labelled corpus, support messages, trusted domains),
 * found from this file whether it runs from `src/` (tests, scripts) or from the compiled `dist/src/`.
 */
const find = (): string => {
  for (let dir = __dirname; dir !== path.dirname(dir); dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'data');
    if (fs.existsSync(path.join(candidate, 'lexicons'))) return candidate;
  }
  throw new Error(`No data/ folder with lexicons above ${__dirname}`);
};

let found: string | undefined;
export const dataDir = (): string => (found ??= find());
