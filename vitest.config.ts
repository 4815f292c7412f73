import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { defineConfig, type TestProjectInlineConfiguration } from 'vitest/config';
import { VITE_SOURCE_CONDITIONS } from './packages/core/build/source.ts';

const root = import.meta.dirname;

// A test imports @mcp/* from src/, so no build step sits between an edit and the test run.
const conditions = VITE_SOURCE_CONDITIONS;

/** Settings of one project beyond the shared ones, by folder. */
const own: Record<string, { testTimeout: number; hookTimeout: number }> = {
  // The doctor and docs tests talk to live loopback servers and the pack test builds bundles: on a
  // loaded CI machine they need more than vitest's 5 s default.
  'packages/cli': { testTimeout: 30_000, hookTimeout: 300_000 },
  // The artifacts test builds six bundles, then starts twenty servers through npx and node: each is a
  // few seconds of CPU, and on a loaded 2-core CI machine they queue for far longer than vitest's defaults.
  'packages/release': { testTimeout: 240_000, hookTimeout: 600_000 },
};

/** Every workspace package, as one project named after its package.json (`--project @mcp/core`). */
const project = (dir: string): TestProjectInlineConfiguration => {
  const { name } = JSON.parse(readFileSync(join(root, dir, 'package.json'), 'utf8')) as { name: string };
  return { extends: true, test: { name, root: join(root, dir), ...own[dir] } };
};

const folders = (parent: string): string[] =>
  readdirSync(join(root, parent), { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(root, parent, entry.name, 'package.json')))
    .map((entry) => `${parent}/${entry.name}`);

// The one vitest config: `pnpm exec vitest run <paths…>` from the root runs any files, each package's
// `test` script runs its own project, and .ci/test runs them all for one summary.
export default defineConfig({
  root,
  resolve: { conditions },
  ssr: { resolve: { conditions } },
  test: {
    projects: [...folders('packages'), ...folders('apps'), 'docker'].map(project),
    reporters: ['default', ['json', { outputFile: process.env.VITEST_REPORT ?? '.vitest/report.json' }]],
  },
});
