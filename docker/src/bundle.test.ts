import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ALL_IN_ONE, APPS, DEPLOYABLES, ROOT, readRepoFile } from './repo.js';
import { run } from './run.js';

// Each app bundles into one ESM file that runs with nothing but Node: that file is the whole Docker
// runtime layer and the `npx` bin. The bundles are built into a temp dir outside the repo, so no
// node_modules can be found from there and the apps' own dist/ is left alone.
const work = mkdtempSync(join(tmpdir(), 'mcp-bundle-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const env = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? work, NODE_ENV: 'production' };

/** Tool names declared one per file: `src/tools/<tool>.ts` containing `name: '<tool>'`. */
const ownTools = (app: string): string[] => {
  const dir = join(ROOT, 'apps', app, 'src', 'tools');
  return readdirSync(dir)
    .filter((file) => file.endsWith('.ts') && !file.endsWith('.test.ts'))
    .map((file) => file.slice(0, -3))
    .filter((tool) => readFileSync(join(dir, `${tool}.ts`), 'utf8').includes(`name: '${tool}'`));
};

/** What tools/list answers: the app's tools; the all-in-one's, plus every tool of the five as `<app>_<tool>`. */
const declaredTools = (app: string): string[] =>
  [
    ...(app === ALL_IN_ONE
      ? APPS.flatMap((other) => ownTools(other).map((tool) => `${other.replace(/-/g, '_')}_${tool}`))
      : []),
    ...ownTools(app),
  ].sort();

const initialize = JSON.stringify({
  jsonrpc: '2.0',
  id: 1,
  method: 'initialize',
  params: {
    protocolVersion: '2025-06-18',
    capabilities: {},
    clientInfo: { name: 'bundle-test', version: '1' },
  },
});
const listTools = JSON.stringify({ jsonrpc: '2.0', id: 2, method: 'tools/list' });

describe('app bundles (pnpm --filter @mcp/<app> build → dist/main.js, the Docker image and the npx bin)', () => {
  it.each(DEPLOYABLES)('%s declares build = tsdown, dev = tsx watch, and the shared bundle config', (app) => {
    const pkg = JSON.parse(readRepoFile(`apps/${app}/package.json`)) as { scripts: Record<string, string> };
    expect(pkg.scripts.build).toBe('tsdown');
    expect(pkg.scripts.dev).toBe(
      'tsx watch --conditions=@mcp/source --env-file-if-exists=../../.env --env-file=dev.env src/main.ts',
    );
    expect(readRepoFile(`apps/${app}/tsdown.config.ts`)).toContain(
      "export { default } from '../../packages/core/build/app.tsdown.ts';",
    );
    const config = readRepoFile('packages/core/build/app.tsdown.ts');
    expect(config).toContain("entry: { main: 'src/main.ts' }");
    expect(config).toContain('alwaysBundle: [/.*/], onlyBundle: false, onlyImport: []');
    expect(config).toContain('codeSplitting: false');
  });

  // Concurrent: each build mostly waits on its own child process.
  it.concurrent.each(DEPLOYABLES)(
    '%s bundles into one file that runs outside the repo and serves its tools over stdio',
    async (app) => {
      const out = join(work, app);
      const build = await run(
        join(ROOT, 'node_modules/.bin/tsdown'),
        ['--out-dir', join(out, 'dist'), '-l', 'warn'],
        {
          cwd: join(ROOT, 'apps', app),
          env,
          timeoutMs: 60_000,
        },
      );
      expect(build.stderr + build.stdout).not.toMatch(/error/i);
      expect(build.code).toBe(0);
      expect(readdirSync(join(out, 'dist'))).toEqual(['main.js']);
      const bundle = join(out, 'dist', 'main.js');
      expect(statSync(bundle).size).toBeLessThan(15_000_000);
      expect(readFileSync(bundle, 'utf8').slice(0, 20)).toBe('#!/usr/bin/env node\n');

      writeFileSync(join(out, 'package.json'), '{"type":"module"}\n');
      const session = await run(process.execPath, ['dist/main.js', '--stdio'], {
        cwd: out,
        env,
        input: `${initialize}\n${listTools}\n`,
        timeoutMs: 20_000,
      });
      expect(session.code).toBe(0);
      const replies = session.stdout
        .trim()
        .split('\n')
        .map(
          (line) =>
            JSON.parse(line) as {
              id: number;
              result: { serverInfo?: { name: string }; tools?: { name: string }[] };
            },
        );
      expect(replies.find((r) => r.id === 1)?.result.serverInfo?.name).toBe(app);
      const tools = replies.find((r) => r.id === 2)?.result.tools?.map((t) => t.name) ?? [];
      expect([...tools].sort()).toEqual(declaredTools(app));
    },
    120_000,
  );
});
