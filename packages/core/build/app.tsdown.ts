import { defineConfig } from 'tsdown';
import { SOURCE_CONDITION_NAMES } from './source.ts';

// The bundle of every app (apps/*/tsdown.config.ts re-export it). One self-contained ESM file: the workspace packages (TypeScript sources) and every npm dependency
// are inlined, so the Docker image copies only dist/main.js and `npx` needs no install step.
export default defineConfig({
  entry: { main: 'src/main.ts' },
  format: 'esm',
  platform: 'node',
  target: 'node22.12',
  outDir: 'dist',
  clean: true,
  dts: false,
  fixedExtension: false,
  // Minified: V8 keeps every loaded script's source in memory, so ~2 MB less source is ~2 MB less RSS
  // in each process. Function names stay, so production stack traces still name the frames.
  minify: { compress: true, mangle: { keepNames: true } },
  shims: true,
  // The same file is the `npx -y @mcp-fr/<app>` bin.
  banner: { js: '#!/usr/bin/env node' },
  // Bundle every dependency, and fail the build if anything but a Node built-in is left to import.
  deps: { alwaysBundle: [/.*/], onlyBundle: false, onlyImport: [] },
  outputOptions: { codeSplitting: false },
  // The workspace packages are bundled from their sources, so an app builds without building them first.
  inputOptions: { resolve: { conditionNames: SOURCE_CONDITION_NAMES } },
});
