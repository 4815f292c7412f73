import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import ts from 'typescript';

/*
 * The one shape of an app's src/ and the direction of its imports (issue #18 §2), checked from the
 * files themselves: folders and names by listing them, imports by parsing each file with the
 * TypeScript compiler (static, `import type`, re-exports, dynamic `import()` and `import('x').T` types),
 * relative specifiers resolved to the file they name.
 */

/** Top-level files of src/ besides `*.test.ts`; the first five must exist. */
const REQUIRED_FILES = ['main.ts', 'server.ts', 'config.ts', 'deps.ts', 'index.ts'];
const OPTIONAL_FILES = ['schemas.ts'];
const FOLDERS = ['tools', 'prompts', 'upstream', 'service', 'testing'];
/** main.ts only hands the server to core (`await runMain(<app>Server)`), plus a worker guard at most. */
export const MAIN_MAX_LINES = 8;

/** Where a file sits in the layout: the folder under src/, or the top-level file's own name. */
export type Area =
  | 'tools'
  | 'prompts'
  | 'upstream'
  | 'service'
  | 'testing'
  | 'deps'
  | 'server'
  | 'schemas'
  | 'other';

/** What each area's production files may not import. */
const FORBIDDEN: Partial<Record<Area, readonly Area[]>> = {
  upstream: ['tools', 'prompts', 'service', 'deps', 'server', 'schemas'],
  service: ['tools', 'prompts', 'deps', 'server'],
};

export const isTestFile = (path: string): boolean => path.endsWith('.test.ts');

const areaOf = (relPath: string): Area => {
  const [head, ...rest] = relPath.split(sep);
  if (rest.length > 0) return FOLDERS.includes(head as string) ? (head as Area) : 'other';
  const name = (head as string).replace(/\.ts$/, '');
  return name === 'deps' || name === 'server' || name === 'schemas' ? name : 'other';
};

const describeArea = (area: Area): string =>
  area === 'deps' || area === 'server' || area === 'schemas' ? `${area}.ts` : `${area}/`;

/** Every module specifier a file names: imports, re-exports, `import =`, `import()` and import types. */
export const moduleSpecifiers = (fileName: string, text: string): string[] => {
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    if (
      (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) &&
      node.moduleSpecifier &&
      ts.isStringLiteralLike(node.moduleSpecifier)
    ) {
      found.push(node.moduleSpecifier.text);
    } else if (
      ts.isImportEqualsDeclaration(node) &&
      ts.isExternalModuleReference(node.moduleReference) &&
      ts.isStringLiteralLike(node.moduleReference.expression)
    ) {
      found.push(node.moduleReference.expression.text);
    } else if (
      ts.isCallExpression(node) &&
      node.expression.kind === ts.SyntaxKind.ImportKeyword &&
      node.arguments[0] &&
      ts.isStringLiteralLike(node.arguments[0])
    ) {
      found.push(node.arguments[0].text);
    } else if (
      ts.isImportTypeNode(node) &&
      ts.isLiteralTypeNode(node.argument) &&
      ts.isStringLiteralLike(node.argument.literal)
    ) {
      found.push(node.argument.literal.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
};

/** `./x.js` → `x.ts`, `./x` → `x.ts` or `x/index.ts`; null when it names no file of the tree. */
const resolveRelative = (from: string, specifier: string): string | null => {
  const target = resolve(dirname(from), specifier);
  const candidates = [target.replace(/\.js$/, '.ts'), target, `${target}.ts`, join(target, 'index.ts')];
  return candidates.find((c) => existsSync(c) && statSync(c).isFile()) ?? null;
};

const listFiles = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? listFiles(path) : [path];
  });

/** The tool names a tool file declares: the `name` of each `defineTool({ name: '…' })` call. */
const declaredTools = (fileName: string, text: string): string[] => {
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
  const names: string[] = [];
  const visit = (node: ts.Node): void => {
    if (
      ts.isCallExpression(node) &&
      ts.isIdentifier(node.expression) &&
      node.expression.text === 'defineTool' &&
      node.arguments[0] &&
      ts.isObjectLiteralExpression(node.arguments[0])
    ) {
      for (const prop of node.arguments[0].properties) {
        if (
          ts.isPropertyAssignment(prop) &&
          ts.isIdentifier(prop.name) &&
          prop.name.text === 'name' &&
          ts.isStringLiteralLike(prop.initializer)
        ) {
          names.push(prop.initializer.text);
        }
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return names;
};

/** How many bindings a module exports (declarations, `export { … }`, `export default`, `export *`). */
const exportCount = (fileName: string, text: string): number => {
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
  let count = 0;
  for (const statement of source.statements) {
    if (ts.isExportDeclaration(statement)) {
      count +=
        statement.exportClause && ts.isNamedExports(statement.exportClause)
          ? statement.exportClause.elements.length
          : 1;
    } else if (ts.isExportAssignment(statement)) {
      count += 1;
    } else if (
      ts.canHaveModifiers(statement) &&
      ts.getModifiers(statement)?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword)
    ) {
      count += ts.isVariableStatement(statement) ? statement.declarationList.declarations.length : 1;
    }
  }
  return count;
};

/** The folder rules: src/'s entries, tools/'s files, a test per tool, main.ts short. */
const checkFolders = (src: string, show: (path: string) => string): string[] => {
  const problems: string[] = [];
  const entries = readdirSync(src, { withFileTypes: true });
  for (const entry of entries) {
    const allowed = entry.isDirectory()
      ? FOLDERS.includes(entry.name)
      : REQUIRED_FILES.includes(entry.name) || OPTIONAL_FILES.includes(entry.name) || isTestFile(entry.name);
    if (!allowed) {
      problems.push(
        `${show(join(src, entry.name))}: not an entry of the app layout (src/ holds ${[...REQUIRED_FILES, ...OPTIONAL_FILES].join(', ')}, *.test.ts and the folders ${FOLDERS.map((f) => `${f}/`).join(', ')})`,
      );
    }
  }
  for (const name of REQUIRED_FILES) {
    if (!existsSync(join(src, name)))
      problems.push(`${show(join(src, name))}: missing (every app has ${name})`);
  }
  const main = join(src, 'main.ts');
  if (existsSync(main)) {
    const lines = readFileSync(main, 'utf8').trimEnd().split('\n').length;
    if (lines > MAIN_MAX_LINES) {
      problems.push(
        `${show(main)}: ${lines} lines, main.ts stays at most ${MAIN_MAX_LINES} (await runMain(<app>Server))`,
      );
    }
  }
  const tools = join(src, 'tools');
  if (!existsSync(join(tools, 'index.ts'))) {
    problems.push(`${show(join(tools, 'index.ts'))}: missing (tools/index.ts lists the app's tools)`);
  }
  if (!existsSync(tools)) return problems;
  const names = new Set(readdirSync(tools));
  for (const entry of readdirSync(tools, { withFileTypes: true })) {
    const path = join(tools, entry.name);
    if (entry.isDirectory()) {
      problems.push(`${show(path)}: tools/ holds only <tool>.ts, <tool>.test.ts and index.ts, no folder`);
      continue;
    }
    if (entry.name === 'index.ts') continue;
    const tool = entry.name.replace(/\.test\.ts$|\.ts$/, '');
    if (!entry.name.endsWith('.ts') || !/^[a-z][a-z0-9_]*$/.test(tool)) {
      problems.push(`${show(path)}: tools/ holds only <tool>.ts, <tool>.test.ts and index.ts`);
      continue;
    }
    if (isTestFile(entry.name)) {
      if (!names.has(`${tool}.ts`)) {
        problems.push(
          `${show(path)}: a test in tools/ is named after its tool, and there is no tools/${tool}.ts`,
        );
      }
      continue;
    }
    const text = readFileSync(path, 'utf8');
    const declared = declaredTools(path, text);
    if (declared.length !== 1 || declared[0] !== tool) {
      problems.push(
        `${show(path)}: tools/ holds only tool files: ${tool}.ts defines the one tool "${tool}" (found ${declared.length === 0 ? 'none' : declared.map((d) => `"${d}"`).join(', ')})`,
      );
    }
    if (exportCount(path, text) !== 1) {
      problems.push(
        `${show(path)}: a tool file exports its tool only; helpers go to service/ (or schemas.ts, deps.ts)`,
      );
    }
    if (!names.has(`${tool}.test.ts`)) {
      problems.push(`${show(path)}: every tool has its test file, tools/${tool}.test.ts is missing`);
    }
  }
  return problems;
};

/** The import rules, on every file of src/. */
const checkImports = (src: string, show: (path: string) => string): string[] => {
  const problems: string[] = [];
  for (const file of listFiles(src).filter((f) => f.endsWith('.ts'))) {
    const rel = relative(src, file);
    const area = areaOf(rel);
    const production = !isTestFile(file) && area !== 'testing';
    for (const specifier of moduleSpecifiers(file, readFileSync(file, 'utf8'))) {
      if (!specifier.startsWith('.')) continue;
      const target = resolveRelative(file, specifier);
      if (!target?.startsWith(src + sep)) continue;
      const targetArea = areaOf(relative(src, target));
      if (production && targetArea === 'testing') {
        problems.push(`${show(file)}: imports "${specifier}" (production code never imports from testing/)`);
      } else if (production && isTestFile(target)) {
        problems.push(`${show(file)}: imports "${specifier}" (production code never imports a *.test.ts)`);
      } else if (production && FORBIDDEN[area]?.includes(targetArea)) {
        problems.push(
          `${show(file)}: imports "${specifier}" (${area}/ never imports from ${describeArea(targetArea)})`,
        );
      }
    }
  }
  return problems;
};

/**
 * Every way `src` (an app's src/ folder) leaves the app layout, one sentence each naming the file and
 * the rule; empty when it follows it. `root` makes the paths in the messages relative.
 */
export const checkAppLayout = (src: string, root = dirname(dirname(src))): string[] => {
  const show = (path: string) => relative(root, path) || basename(path);
  return [...checkFolders(src, show), ...checkImports(src, show)];
};
