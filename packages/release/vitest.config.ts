import { defineConfig } from 'vitest/config';

// The artifacts test builds six bundles, then starts twenty servers through npx and node: each is a
// few seconds of CPU, and on a loaded 2-core CI machine they queue for far longer than vitest's defaults.
export default defineConfig({
  test: { testTimeout: 240_000, hookTimeout: 600_000 },
});
