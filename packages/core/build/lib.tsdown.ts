import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { defineConfig } from 'tsdown';
import { SOURCE_CONDITION } from './source.ts';

/** The source condition of every `exports` entry: the TypeScript file that subpath is built from. */
type Exports = Record<string, Record<typeof SOURCE_CONDITION, string>>;

/**
 * The build entries of the package in `dir`, read from its own `exports`: `"."` is `index`, `"./x"` is
 * `x`. Reading them from package.json keeps the entries and the exports one list, so a new subpath
 * cannot be exported without being built, nor built without being exported.
 */
export const libraryEntries = (dir: string): Record<string, string> => {
  const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { exports: Exports };
  return Object.fromEntries(
    Object.entries(pkg.exports).map(([subpath, target]) => [
      subpath === '.' ? 'index' : subpath.slice(2),
      target[SOURCE_CONDITION],
    ]),
  );
};

// The build of every library package (packages/*/tsdown.config.ts re-export it; tsdown runs in the
// package's folder): ESM plus the `.d.ts` files its `types` conditions point at. Every npm dependency
// stays an import, since the package's consumers install them; the apps bundle their own copy (see
// app.tsdown.ts). The workspace itself runs src/ through the `@mcp/source` condition, so dist/ only
// serves typecheck and consumers outside the workspace.
export default defineConfig({
  entry: libraryEntries(process.cwd()),
  format: 'esm',
  platform: 'node',
  target: 'node22.12',
  outDir: 'dist',
  clean: true,
  dts: true,
  fixedExtension: false,
  deps: { neverBundle: true },
  // The declaration build is most of the time, always: a note saying so on every build is noise.
  checks: { bundlerTimings: false },
});
