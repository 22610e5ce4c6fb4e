import fs from 'fs';
import os from 'os';
import path from 'path';
import { checkImports } from '../../scripts/check-imports';

/** npm run check:imports over a small project written for each case, and over this one. */
const IMPORTS = {
  '#domain/*': { source: './src/domain/*/index.ts', default: './dist/src/domain/*/index.js' },
  '#app/*': { source: './src/*.ts', default: './dist/src/*.js' },
};

let root: string;
const write = (files: Record<string, string>) => {
  for (const [file, text] of Object.entries({ 'package.json': JSON.stringify({ imports: IMPORTS }), ...files })) {
    fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    fs.writeFileSync(path.join(root, file), text);
  }
};

beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'check-imports-'));
});
afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

describe('npm run check:imports', () => {
  it('names every import that climbs more than two levels, and passes aliases and short climbs', () => {
    write({
      'src/utils/validation.ts': 'export const parse = 1;\n',
      'src/api/topic/controllers/topic.ts': "import { parse } from '../../../utils/validation';\nimport { parse as again } from '#app/utils/validation';\n",
      'src/api/topic/services/topic.ts': "export { parse } from '../../../utils/validation';\n",
      'tests/unit/topic.test.ts': "import '../../src/utils/validation';\n",
    });
    expect(checkImports(root).problems).toEqual([
      "src/api/topic/controllers/topic.ts:1: '../../../utils/validation' climbs 3 levels (at most 2); import it through an alias (#app/..., #domain/...)",
      "src/api/topic/services/topic.ts:1: '../../../utils/validation' climbs 3 levels (at most 2); import it through an alias (#app/..., #domain/...)",
    ]);
  });

  it('names a cycle, direct or through other files, type-only imports included', () => {
    write({
      'src/bootstrap/views.ts': "import { READERS } from './views-readers';\nexport interface View { list: string[] }\n",
      'src/bootstrap/views-readers.ts': "import type { View } from './views';\nexport const READERS: View[] = [];\n",
      'src/a.ts': "import { b } from './b';\nexport const a = 1;\n",
      'src/b.ts': "const { c } = require('./c');\nexport const b = 1;\n",
      'src/c.ts': "export const c = () => import('./a');\n",
    });
    expect(checkImports(root).problems).toEqual([
      'import cycle among 3 files: src/a.ts → src/b.ts → src/c.ts → src/a.ts',
      'import cycle: src/bootstrap/views-readers.ts → src/bootstrap/views.ts → src/bootstrap/views-readers.ts',
    ]);
  });

  it("refuses what would not resolve at runtime, a domain's internals from outside it, and admin code importing an alias for more than types", () => {
    write({
      'src/domain/schedule/index.ts': "export { plainDate } from './fields';\n",
      'src/domain/schedule/fields.ts': 'export const plainDate = 1;\n',
      'src/domain/feed/item.ts': "import { plainDate } from '../schedule/fields';\n",
      'src/utils/response-cache/index.ts': 'export const cache = 1;\n',
      'src/api/program/services/feed.ts': "import '#domain/schedule/fields';\nimport '#app/utils/response-cache';\nimport '#app/utils/response-cache/index';\n",
      'src/plugins/panel/admin/src/api.ts': "export type { plainDate } from '#domain/schedule';\nimport { plainDate } from '#domain/schedule';\n",
      'tests/unit/fields.test.ts': "import '../../src/domain/schedule/fields';\n",
    });
    expect(checkImports(root).problems).toEqual([
      "src/api/program/services/feed.ts:1: '#domain/schedule/fields' names no file through package.json \"imports\" (#domain/<name> is a domain's index; #app/<path> a file under src/, a folder as <path>/index)",
      "src/api/program/services/feed.ts:2: '#app/utils/response-cache' names no file through package.json \"imports\" (#domain/<name> is a domain's index; #app/<path> a file under src/, a folder as <path>/index)",
      "src/domain/feed/item.ts:1: '../schedule/fields' reaches into src/domain/schedule; import its public face, #domain/schedule",
      "src/plugins/panel/admin/src/api.ts:2: admin code may import '#domain/schedule' for types only (import type / export type)",
    ]);
  });

  it('this project keeps its rules', () => {
    const { files, problems } = checkImports(path.resolve(__dirname, '../..'));
    expect(problems).toEqual([]);
    expect(files).toBeGreaterThan(300);
  });
});
