import { defineConfig } from 'vitest/config';

// The doctor and docs tests talk to live loopback servers and the pack test builds bundles: on a
// loaded CI machine they need more than vitest's 5 s default.
export default defineConfig({
  test: { testTimeout: 30_000, hookTimeout: 300_000 },
});
