import { defineConfig } from 'vitest/config';

// One run over every workspace package, for one summary (the per-package `test` scripts run the same files).
export default defineConfig({
  root: new URL('..', import.meta.url).pathname,
  test: {
    projects: ['packages/*', 'apps/*', 'docker'],
    reporters: ['default', ['json', { outputFile: process.env.VITEST_REPORT ?? '.vitest/report.json' }]],
  },
});
