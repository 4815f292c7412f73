import { defineConfig } from 'tsdown';

// The published @mcp-fr/cli: one self-contained ESM file (the MCP SDK client and jsonc-parser
// inlined), so `npx -y @mcp-fr/cli …` installs a single package. The workspace runs the sources.
export default defineConfig({
  entry: { main: 'src/main.ts' },
  format: 'esm',
  platform: 'node',
  target: 'node22.12',
  outDir: 'dist',
  clean: true,
  dts: false,
  fixedExtension: false,
  minify: false,
  shims: true,
  deps: { alwaysBundle: [/.*/], onlyBundle: false, onlyImport: [] },
  outputOptions: { codeSplitting: false },
  // jsonc-parser's `main` is a UMD build whose lazy require('./impl/…') a bundle cannot follow; its
  // `module` entry is plain ESM.
  inputOptions: { resolve: { mainFields: ['module', 'main'] } },
});
