import { defineConfig } from 'vitest/config';

// The long suites (upstream faults, SIGTERM under load): `pnpm test:faults`, not part of the CI run.
export default defineConfig({
  test: {
    include: ['src/**/*.long.ts'],
    testTimeout: 600_000,
    hookTimeout: 120_000,
  },
});
