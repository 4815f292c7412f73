import { defineConfig } from 'tsdown';
import library from '../core/build/lib.tsdown.ts';
import { SOURCE_CONDITION_NAMES } from '../core/build/source.ts';

export default defineConfig([
  // The library other workspace packages import (@mcp/release uses exec and the app list), built as
  // every library package is.
  library,
  // The published @mcp-fr/cli: one self-contained ESM file (the MCP SDK client and jsonc-parser
  // inlined), so `npx -y @mcp-fr/cli …` installs a single package. The workspace runs the sources.
  {
    entry: { main: 'src/main.ts' },
    format: 'esm',
    platform: 'node',
    target: 'node22.12',
    outDir: 'dist',
    clean: false,
    dts: false,
    fixedExtension: false,
    minify: false,
    shims: true,
    deps: { alwaysBundle: [/.*/], onlyBundle: false, onlyImport: [] },
    outputOptions: { codeSplitting: false },
    // jsonc-parser's `main` is a UMD build whose lazy require('./impl/…') a bundle cannot follow; its
    // `module` entry is plain ESM. Workspace packages are read from their sources.
    inputOptions: { resolve: { mainFields: ['module', 'main'], conditionNames: SOURCE_CONDITION_NAMES } },
  },
]);
