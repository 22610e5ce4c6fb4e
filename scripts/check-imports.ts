/**
 * `npm run check:imports`: the import rules of this codebase, checked over src/, config/, tests/, scripts/ and bench/.
 * It fails, listing each offence, on
 * - an import that climbs out of its folder by more than two levels (`../../..`): use an alias (`#app/...`,
 *   `#domain/...`, package.json "imports") instead;
 * - an import cycle between files (a file importing a file that imports it back, directly or through others;
 *   `import type` counts: it is still a back-reference);
 * - an alias import that resolves to no file (`#domain/*` maps a domain's name to its index only);
 * - a domain's internals reached from outside it (Strapi code and other domains go through `#domain/<name>`; tests
 *   may import internals by a short relative path);
 * - admin (browser) code that imports an alias for more than types (the admin bundle does not resolve them).
 */
import fs from 'fs';
import path from 'path';
import ts from 'typescript';

const FOLDERS = ['src', 'config', 'tests', 'scripts', 'bench'];
const SKIP = new Set(['node_modules', 'dist', 'build', '.cache', '.tmp', 'fixtures']);
const SOURCE = /\.(ts|tsx|js|jsx|mjs|cjs)$/;
const EXTENSIONS = ['.ts', '.tsx', '.d.ts', '.js', '.jsx', '.mjs', '.cjs', '.json'];
const MAX_CLIMB = 2;

interface Import {
  specifier: string;
  line: number;
  typeOnly: boolean;
}

const sourceFiles = (dir: string): string[] =>
  fs.existsSync(dir)
    ? fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) return SKIP.has(entry.name) ? [] : sourceFiles(full);
        return SOURCE.test(entry.name) && !entry.name.endsWith('.d.ts') ? [full] : [];
      })
    : [];

/** Every module specifier of a file: imports, re-exports, require(), import(), import("x").T in types. */
const importsOf = (file: string): Import[] => {
  const text = fs.readFileSync(file, 'utf8');
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, file.endsWith('x') ? ts.ScriptKind.TSX : undefined);
  const found: Import[] = [];
  const add = (literal: ts.Node, typeOnly: boolean) => {
    if (ts.isStringLiteralLike(literal)) found.push({ specifier: literal.text, line: source.getLineAndCharacterOfPosition(literal.getStart()).line + 1, typeOnly });
  };
  const visit = (node: ts.Node) => {
    if (ts.isImportDeclaration(node)) {
      const clause = node.importClause;
      const elements = clause?.namedBindings && ts.isNamedImports(clause.namedBindings) ? clause.namedBindings.elements : undefined;
      const typeOnly = Boolean(clause && (clause.isTypeOnly || (!clause.name && elements && elements.length > 0 && elements.every((element) => element.isTypeOnly))));
      add(node.moduleSpecifier, typeOnly);
    } else if (ts.isExportDeclaration(node) && node.moduleSpecifier) {
      const elements = node.exportClause && ts.isNamedExports(node.exportClause) ? node.exportClause.elements : undefined;
      add(node.moduleSpecifier, node.isTypeOnly || Boolean(elements && elements.length > 0 && elements.every((element) => element.isTypeOnly)));
    } else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference)) {
      add(node.moduleReference.expression, node.isTypeOnly);
    } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument)) {
      add(node.argument.literal, true);
    } else if (ts.isCallExpression(node) && node.arguments.length > 0) {
      const callee = node.expression;
      if (callee.kind === ts.SyntaxKind.ImportKeyword || (ts.isIdentifier(callee) && callee.text === 'require')) add(node.arguments[0], false);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
};

/** How many folders a relative specifier climbs out of ("../../x" climbs two). */
const climbOf = (specifier: string) => {
  let depth = 0;
  let deepest = 0;
  for (const part of specifier.split('/')) {
    if (part === '..') deepest = Math.max(deepest, ++depth);
    else if (part !== '.' && part !== '') depth -= 1;
  }
  return deepest;
};

const asFile = (target: string): string | null => {
  const candidates = [target, ...EXTENSIONS.map((extension) => target + extension), ...EXTENSIONS.map((extension) => path.join(target, `index${extension}`))];
  return candidates.find((candidate) => fs.existsSync(candidate) && fs.statSync(candidate).isFile()) ?? null;
};

type ImportsMap = Record<string, string | Record<string, string>>;

/** An alias (package.json "imports") to the source file it names, as Node would match it; undefined when no key matches. */
const resolveAlias = (root: string, packageImports: ImportsMap, specifier: string): string | null | undefined => {
  for (const [key, value] of Object.entries(packageImports)) {
    const target = typeof value === 'string' ? value : (value.source ?? value.default);
    const star = key.indexOf('*');
    if (star < 0) {
      if (key === specifier) return fs.existsSync(path.join(root, target)) ? path.join(root, target) : null;
      continue;
    }
    const [prefix, suffix] = [key.slice(0, star), key.slice(star + 1)];
    if (!specifier.startsWith(prefix) || !specifier.endsWith(suffix) || specifier.length < key.length - 1) continue;
    const file = path.join(root, target.replace('*', specifier.slice(prefix.length, specifier.length - suffix.length)));
    return fs.existsSync(file) ? file : null;
  }
  return undefined;
};

/** The domain a file belongs to (src/domain/<name>/...), or null. */
const domainOf = (domainDir: string, file: string) => {
  const inside = path.relative(domainDir, file).split(path.sep);
  return inside[0] !== '..' && inside.length > 1 ? inside[0] : null;
};
const isAdminCode = (relative: string) => /^src\/(admin|plugins\/[^/]+\/admin)\//.test(relative);

/** Strongly connected components (Tarjan): every component of more than one file, or a file importing itself, is a cycle. */
const cycles = (graph: Map<string, string[]>, files: string[]): string[][] => {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  let counter = 0;
  const connect = (file: string) => {
    index.set(file, counter);
    low.set(file, counter);
    counter += 1;
    stack.push(file);
    onStack.add(file);
    for (const next of graph.get(file) ?? []) {
      if (!index.has(next)) {
        connect(next);
        low.set(file, Math.min(low.get(file)!, low.get(next)!));
      } else if (onStack.has(next)) low.set(file, Math.min(low.get(file)!, index.get(next)!));
    }
    if (low.get(file) === index.get(file)) {
      const component: string[] = [];
      let member: string;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        component.push(member);
      } while (member !== file);
      if (component.length > 1 || graph.get(file)?.includes(file)) found.push(component);
    }
  };
  for (const file of files) if (!index.has(file)) connect(file);
  return found;
};

/** One concrete loop through a component, from its first file back to it (shortest, by breadth-first search). */
const loopThrough = (graph: Map<string, string[]>, component: string[]): string[] => {
  const members = new Set(component);
  const start = [...component].sort()[0];
  const previous = new Map<string, string>();
  const queue = [start];
  while (queue.length > 0) {
    const file = queue.shift()!;
    for (const next of graph.get(file) ?? []) {
      if (!members.has(next)) continue;
      if (next === start) {
        const loop = [start];
        for (let at: string | undefined = file; at && at !== start; at = previous.get(at)) loop.splice(1, 0, at);
        return [...loop, start];
      }
      if (!previous.has(next)) {
        previous.set(next, file);
        queue.push(next);
      }
    }
  }
  return [start, start];
};

/** The problems of the project at `root` (its package.json "imports" are the aliases), and what was read. */
export const checkImports = (root: string): { files: number; imports: number; problems: string[] } => {
  const rel = (file: string) => path.relative(root, file).split(path.sep).join('/');
  const packageImports = (JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { imports?: ImportsMap }).imports ?? {};
  const domainDir = path.join(root, 'src', 'domain');
  const files = FOLDERS.flatMap((folder) => sourceFiles(path.join(root, folder))).sort();
  const known = new Set(files);
  const graph = new Map<string, string[]>();
  const problems: string[] = [];
  let imports = 0;

  for (const file of files) {
    const edges: string[] = [];
    for (const { specifier, line, typeOnly } of importsOf(file)) {
      imports += 1;
      const where = `${rel(file)}:${line}`;
      let target: string | null = null;
      if (specifier.startsWith('.')) {
        const climb = climbOf(specifier);
        if (climb > MAX_CLIMB) problems.push(`${where}: '${specifier}' climbs ${climb} levels (at most ${MAX_CLIMB}); import it through an alias (#app/..., #domain/...)`);
        target = asFile(path.resolve(path.dirname(file), specifier));
      } else if (specifier.startsWith('#')) {
        const resolved = resolveAlias(root, packageImports, specifier);
        if (!resolved) {
          problems.push(`${where}: '${specifier}' names no file through package.json "imports" (#domain/<name> is a domain's index; #app/<path> a file under src/, a folder as <path>/index)`);
          continue;
        }
        target = resolved;
        if (isAdminCode(rel(file)) && !typeOnly) problems.push(`${where}: admin code may import '${specifier}' for types only (import type / export type)`);
      }
      if (!target) continue;
      const domain = domainOf(domainDir, target);
      if (domain && domain !== domainOf(domainDir, file) && !rel(file).startsWith('tests/') && target !== path.join(domainDir, domain, 'index.ts')) {
        problems.push(`${where}: '${specifier}' reaches into src/domain/${domain}; import its public face, #domain/${domain}`);
      }
      if (known.has(target)) edges.push(target);
    }
    graph.set(file, [...new Set(edges)]);
  }

  for (const component of cycles(graph, files)) {
    const loop = loopThrough(graph, component).map(rel).join(' → ');
    problems.push(`import cycle${component.length > 2 ? ` among ${component.length} files` : ''}: ${loop}`);
  }
  return { files: files.length, imports, problems };
};

if (require.main === module) {
  const { files, imports, problems } = checkImports(path.resolve(__dirname, '..'));
  if (problems.length > 0) {
    process.stderr.write(`${problems.join('\n')}\n\n${problems.length} import problem${problems.length === 1 ? '' : 's'} in ${files} files.\n`);
    process.exitCode = 1;
  } else {
    process.stdout.write(`${files} files, ${imports} imports: none climbs more than ${MAX_CLIMB} levels, no cycle, every alias resolves.\n`);
  }
}
