import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { annuaireServer } from '@mcp/annuaire';
import { startTestServer, TEST_CREDENTIAL } from '@mcp/core/testing';
import { Client } from '@modelcontextprotocol/client';
import { StdioClientTransport } from '@modelcontextprotocol/client/stdio';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APP_IDS, type AppId } from '../apps.js';
import { exec } from '../exec.js';
import { workspaceRoot } from './root.js';
import { binName, type PackTarget, packStaged, stagePackage } from './stage.js';

// Building a bundle takes 5–40 s depending on the machine's load, so the normal suite packs one app
// end to end; MCP_TEST_PACK=1 packs all five (what a release does).
const APPS: readonly AppId[] = process.env.MCP_TEST_PACK === '1' ? APP_IDS : ['annuaire'];
const root = workspaceRoot();
const work = mkdtempSync(join(tmpdir(), 'mcp-cli-pack-'));
const tarballs = new Map<PackTarget, string>();
const install = join(work, 'install');

/** Tools declared one per file: `src/tools/<tool>.ts` containing `name: '<tool>'`. */
const declaredTools = (app: AppId): string[] => {
  const dir = join(root, 'apps', app, 'src', 'tools');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
    .map((f) => f.slice(0, -3))
    .filter((tool) => readFileSync(join(dir, `${tool}.ts`), 'utf8').includes(`name: '${tool}'`))
    .sort();
};

beforeAll(async () => {
  await Promise.all(
    [...APPS, 'cli' as const].map(async (target) => {
      const stage = await stagePackage(root, target, join(work, 'stage', target));
      tarballs.set(target, await packStaged(stage, join(work, 'tgz')));
    }),
  );
  // An empty folder outside the repo, offline: succeeds only if the tarballs need nothing else.
  mkdirSync(install);
  writeFileSync(join(install, 'package.json'), '{ "name": "pack-test", "private": true }\n');
  const r = await exec('npm', ['install', '--offline', '--no-audit', '--no-fund', ...tarballs.values()], {
    cwd: install,
  });
  if (r.code !== 0) throw new Error(`npm install failed:\n${r.stderr}`);
}, 300_000);
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe.each(APPS)('@mcp-fr/%s from its tarball', (app) => {
  it('holds only the bundle, the bin, the README and a dependency-free manifest', async () => {
    const list = await exec('tar', ['-tzf', tarballs.get(app) as string], { cwd: work });
    expect(list.stdout.trim().split('\n').sort()).toEqual(
      [
        'package/LICENSE',
        'package/README.md',
        `package/bin/${binName(app)}.js`,
        'package/dist/main.js',
        'package/package.json',
      ].sort(),
    );
    const manifest = JSON.parse(
      readFileSync(join(install, 'node_modules', '@mcp-fr', app, 'package.json'), 'utf8'),
    ) as Record<string, unknown>;
    expect(manifest).toMatchObject({
      name: `@mcp-fr/${app}`,
      type: 'module',
      bin: { [binName(app)]: `bin/${binName(app)}.js` },
      files: ['bin', 'dist', 'README.md'],
      engines: { node: '>=22.12' },
      publishConfig: { access: 'public' },
    });
    expect(manifest.dependencies).toBeUndefined();
    expect(manifest.private).toBeUndefined();
    const readme = readFileSync(join(install, 'node_modules', '@mcp-fr', app, 'README.md'), 'utf8');
    expect(readme).toContain(`npx -y @mcp-fr/${app} --stdio`);
  });

  it('answers tools/list over stdio through `npx -y @mcp-fr/<app> --stdio` (official SDK client)', async () => {
    const transport = new StdioClientTransport({
      command: 'npx',
      args: ['--offline', '-y', `@mcp-fr/${app}`, '--stdio'],
      cwd: install,
      // No workspace, no NODE_PATH: only what the tarball brought.
      env: { PATH: process.env.PATH ?? '', HOME: work, LOG_LEVEL: 'warn', NODE_ENV: 'production' },
      stderr: 'pipe',
    });
    const client = new Client({ name: 'pack-test', version: '1.0.0' });
    try {
      await client.connect(transport);
      const { tools } = await client.listTools();
      expect(tools.map((t) => t.name).sort()).toEqual(declaredTools(app));
      expect(tools.every((t) => t.inputSchema.type === 'object')).toBe(true);
    } finally {
      await client.close();
    }
  }, 60_000);
});

describe('@mcp-fr/cli from its tarball', () => {
  const npx = (args: string[], env: Record<string, string> = {}) =>
    exec('npx', ['--offline', '-y', '@mcp-fr/cli', ...args], {
      cwd: install,
      env: { ...process.env, ...env },
    });

  it('runs mcp-config through npx with nothing but the tarball', async () => {
    const r = await npx(['clients', '--client', 'stdio', '--app', 'rdap']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).mcpServers.rdap.args).toEqual(['-y', '@mcp-fr/rdap', '--stdio']);
  });

  it('doctors a live local app', async () => {
    const app = await startTestServer(annuaireServer, { env: { ANNUAIRE_BASE_URL: 'http://127.0.0.1:9' } });
    try {
      const r = await npx(['doctor', app.url, '--user', TEST_CREDENTIAL.username, '--password-env', 'PW'], {
        PW: TEST_CREDENTIAL.password,
      });
      expect(r.stdout).toContain('all checks passed');
      expect(r.code).toBe(0);
    } finally {
      await app.close();
    }
  }, 30_000);
});
