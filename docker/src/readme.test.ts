import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { codeBlocks, shellCommands, shellWords } from '../../packages/cli/src/docs/markdown.js';
import { ALL_IN_ONE, APPS, DEPLOYABLES, type Deployable, ROOT, readRepoFile, readYaml } from './repo.js';
import { run } from './run.js';

// Every command of the root README runs here, or is checked against the file that runs it, unless its
// line says "not in CI" (a Docker engine, Coolify, the npm registry).
const blocks = codeBlocks(readRepoFile('README.md'));
const commands = blocks
  .filter((b) => b.lang === 'sh')
  .flatMap((b) => shellCommands(b.text).map((line) => ({ line, where: `README.md:${b.line}` })));
const notInCi = commands.filter(({ line }) => /#\s*not in CI\b/.test(line));
const checked = commands.filter((c) => !notInCi.includes(c));

/** The checks below, by the command's first words. */
const HANDLED = [
  'bash .ci/start',
  'curl ',
  'export MCP_PASSWORD=',
  'pnpm mcp-config ',
  'pnpm i && pnpm dev',
  'pnpm test',
  'pnpm exec vitest run ',
  'bash .ci/test',
];

const env = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '' };

/** The order .ci/start gives the apps ports in: the five by name, then the all-in-one. */
const startOrder: readonly Deployable[] = [...[...APPS].sort(), ALL_IN_ONE];

describe('README.md commands', { timeout: 60_000 }, () => {
  it('has a check for every command not marked "not in CI"', () => {
    expect(checked.length).toBeGreaterThanOrEqual(8);
    const unchecked = checked.filter(({ line }) => !HANDLED.some((start) => line.startsWith(start)));
    expect(unchecked, 'README commands without a test: add one in docker/src/readme.test.ts').toEqual([]);
  });

  it('says why a command is not in CI', () => {
    for (const { line, where } of notInCi) expect(line, where).toMatch(/# not in CI: \S.{5,}/);
  });

  it.each(
    checked.filter(({ line }) => line.startsWith('pnpm mcp-config ')).map(({ line, where }) => [where, line]),
  )('%s: %s exits 0 with a config', async (_where, line) => {
    const password = checked.find((c) => c.line.startsWith('export MCP_PASSWORD='));
    expect(password).toBeDefined();
    const result = await run(
      process.execPath,
      ['packages/cli/bin/mcp-config.js', ...shellWords(line).slice(2)],
      {
        cwd: ROOT,
        env: { ...env, MCP_PASSWORD: 'readme-example-passw0rd' },
        timeoutMs: 60_000,
      },
    );
    expect(result.stderr).not.toMatch(/error|unknown/i);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/mcp\.example\.com\/mcp|"command"/);
    expect(result.stdout).not.toContain('readme-example-passw0rd');
  });

  it('pnpm i && pnpm dev: every app runs from source with the root .env and its own port', () => {
    const root = JSON.parse(readRepoFile('package.json')) as { scripts: Record<string, string> };
    // Loose: turbo would otherwise hand the apps only the variables it knows, not the shell's AUTH_*.
    expect(root.scripts.dev).toBe('turbo run dev --env-mode=loose');
    const ports = DEPLOYABLES.map((app) => {
      const pkg = JSON.parse(readRepoFile(`apps/${app}/package.json`)) as { scripts: Record<string, string> };
      // Node's own flags, so the script runs the same in sh, PowerShell and cmd (no `PORT=${PORT:-…}`);
      // the condition reads the workspace packages from their sources, so nothing needs building first.
      expect(pkg.scripts.dev).toBe(
        'tsx watch --conditions=@mcp/source --env-file-if-exists=../../.env --env-file=dev.env src/main.ts',
      );
      return Number(/^PORT=(\d+)$/m.exec(readRepoFile(`apps/${app}/dev.env`))?.[1]);
    });
    // Consecutive from 8081 in alphabetical order, then the all-in-one, like .ci/start and
    // docker-compose.local.yml.
    const byName = [...startOrder].map((app) => ports[DEPLOYABLES.indexOf(app)]);
    expect(byName).toEqual([8081, 8082, 8083, 8084, 8085, 8086]);
  });

  it('pnpm test: every package runs its own project of the root vitest config, the files CI runs', () => {
    const root = JSON.parse(readRepoFile('package.json')) as { scripts: Record<string, string> };
    expect(root.scripts.test).toBe('turbo run test');
    for (const app of DEPLOYABLES) {
      const pkg = JSON.parse(readRepoFile(`apps/${app}/package.json`)) as {
        name: string;
        scripts: Record<string, string>;
      };
      expect(pkg.scripts.test).toBe(`vitest run --config ../../vitest.config.ts --project ${pkg.name}`);
    }
  });

  it('pnpm exec vitest run <paths…>: the root vitest.config.ts, the same config .ci/test runs', () => {
    expect(readRepoFile('vitest.config.ts')).toContain('projects:');
    const runs = readRepoFile('.ci/test').match(/pnpm exec vitest run .*/g) ?? [];
    expect(runs).toHaveLength(2);
    for (const line of runs) expect(line).not.toContain('--config');
  });

  it('bash .ci/test: what the CI job runs (through .ci/run)', () => {
    const ci = readYaml<{ jobs: { test: { steps: { run?: string }[] } } }>('.github/workflows/ci.yml');
    expect(ci.jobs.test.steps.map((s) => s.run)).toContain('bash .ci/run');
    expect(readRepoFile('.ci/run')).toMatch(/^exec bash \.ci\/test$/m);
  });

  it('the stdio config names each app as npx -y @mcp-fr/<app> --stdio', () => {
    const configs = blocks.filter((b) => b.lang === 'json');
    expect(configs.length).toBeGreaterThan(0);
    for (const block of configs) {
      const servers = (
        JSON.parse(block.text) as { mcpServers: Record<string, { command: string; args: string[] }> }
      ).mcpServers;
      for (const [name, server] of Object.entries(servers)) {
        expect(DEPLOYABLES).toContain(name);
        expect(server).toEqual({ command: 'npx', args: ['-y', `@mcp-fr/${name}`, '--stdio'] });
      }
    }
  });
});

const freeBase = async (): Promise<number> => {
  for (let attempt = 0; attempt < 20; attempt++) {
    const base = 20_000 + Math.floor(Math.random() * 20_000);
    const free = await Promise.all(
      startOrder.map(
        (_, i) =>
          new Promise<boolean>((resolve) => {
            const probe = createServer();
            probe.once('error', () => resolve(false));
            probe.listen(base + i, '127.0.0.1', () => probe.close(() => resolve(true)));
          }),
      ),
    );
    if (free.every(Boolean)) return base;
  }
  throw new Error(`no ${startOrder.length} free consecutive ports`);
};

const children: ChildProcess[] = [];
afterAll(() => {
  // .ci/start runs in its own process group: stop it and the five apps it started.
  for (const child of children) if (child.pid) process.kill(-child.pid, 'SIGTERM');
});

// Five apps compiled by tsx at once: seconds on an idle machine, up to two minutes on a loaded one.
describe('README.md: bash .ci/start, then its curl', { timeout: 300_000 }, () => {
  it('starts the five apps and the all-in-one, prints a header that works, and the curl lists tools', async () => {
    const base = await freeBase();
    const child = spawn('bash', [join(ROOT, '.ci/start')], {
      cwd: ROOT,
      env: { ...env, START_PORT: String(base), LOG_LEVEL: 'error' },
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    children.push(child);
    let out = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
    });
    child.stderr?.resume();
    const deadline = Date.now() + 270_000;
    while (!/Authorization: Basic \S+/.test(out) && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 200));
    const header = /Authorization: (Basic \S+)/.exec(out)?.[1];
    expect(header, out).toBeDefined();
    for (const [i, app] of startOrder.entries())
      expect(out).toMatch(new RegExp(`^${app} +http://127\\.0\\.0\\.1:${base + i}/mcp$`, 'm'));

    // The apps print their endpoint before they listen: wait for each GET / to answer.
    for (let i = 0; i < startOrder.length; i++) {
      while (Date.now() < deadline) {
        const ok = await fetch(`http://127.0.0.1:${base + i}/`).then(
          (r) => r.ok,
          () => false,
        );
        if (ok) break;
        await new Promise((r) => setTimeout(r, 300));
      }
    }
    const curl = checked.find(({ line }) => line.startsWith('curl '));
    expect(curl).toBeDefined();
    const toolsAt = async (port: number) => {
      const line = (curl?.line ?? '')
        .replace('Basic …', header ?? '')
        .replace('127.0.0.1:8081', `127.0.0.1:${port}`);
      const result = await run('bash', ['-c', line], { cwd: ROOT, env, timeoutMs: 30_000 });
      expect(result.code).toBe(0);
      return (JSON.parse(result.stdout) as { result: { tools: { name: string }[] } }).result.tools;
    };
    expect((await toolsAt(base)).length).toBeGreaterThan(0);
    // The same curl on the all-in-one's port: every app's tools, prefixed, and the dossier.
    const combined = (await toolsAt(base + startOrder.indexOf(ALL_IN_ONE))).map((t) => t.name);
    expect(combined).toContain('research_company');
    expect(combined).toContain('annuaire_get_company');
  });
});
