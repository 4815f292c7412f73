import { defineConfig } from 'vitest/config';
import { VITE_SOURCE_CONDITIONS as conditions } from '../core/build/source.ts';

// The long suites (upstream faults, SIGTERM under load): `pnpm test:faults`, not part of the CI run, so
// apart from the root vitest.config.ts; they read the workspace packages from src/ as every test does.
export default defineConfig({
  resolve: { conditions },
  ssr: { resolve: { conditions } },
  test: {
    include: ['src/**/*.long.ts'],
    testTimeout: 600_000,
    hookTimeout: 120_000,
  },
});
