import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { unpackExtension, validateManifest } from '@anthropic-ai/mcpb';
import { annuaireServer } from '@mcp/annuaire';
import { APP_IDS, type AppId, exec } from '@mcp/cli';
import { startTestServer, TEST_CREDENTIAL } from '@mcp/core/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { McpbManifest } from './mcpb/manifest.js';
import { binName } from './npm/stage.js';
import { type AppArtifacts, buildRelease, type ReleaseArtifacts } from './release.js';
import { parseRepository } from './repository.js';
import { type NodeLine, nodeBinDir } from './testing/node.js';
import { declaredTools, initializeAndListTools } from './testing/stdio.js';
import { readVersion } from './version/version.js';
import { workspaceRoot } from './workspace.js';

// What a release ships, built once for the whole file (one tsdown build per app, reused by the npm
// tarball and the .mcpb), then run the way users run it: `npx -y <tarball> --stdio` in an empty folder
// on Node 22 and 24, and each bundle started as its manifest says.
const root = workspaceRoot();
const work = mkdtempSync(join(tmpdir(), 'mcp-release-'));
const repo = parseRepository('example-owner/mcp-fr');
const LINES: readonly NodeLine[] = [22, 24];
let version = '';
let release: ReleaseArtifacts;
const nodeBins = new Map<NodeLine, string>();

const artifactsOf = (app: AppId): AppArtifacts => {
  const found = release.apps.find((a) => a.app === app);
  if (!found) throw new Error(`no artifacts for ${app}`);
  return found;
};

/** A fresh HOME, npm cache and working folder: nothing but the tarball and Node. */
const emptyPlace = (name: string) => {
  const dir = join(work, 'run', name);
  mkdirSync(join(dir, 'cwd'), { recursive: true });
  return {
    cwd: join(dir, 'cwd'),
    env: {
      HOME: dir,
      npm_config_cache: join(dir, 'npm-cache'),
      // The tarballs have no dependencies: npm must not need the network to run them.
      npm_config_offline: 'true',
      npm_config_update_notifier: 'false',
      LOG_LEVEL: 'warn',
      NODE_ENV: 'production',
    },
  };
};

beforeAll(async () => {
  version = await readVersion(root);
  const [artifacts] = await Promise.all([
    buildRelease(root, { version, repo, outDir: join(work, 'out') }),
    ...LINES.map(async (line) => nodeBins.set(line, await nodeBinDir(root, line))),
  ]);
  release = artifacts;
}, 600_000);
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe.each(APP_IDS)('@mcp-fr/%s tarball', (app) => {
  it('holds only the bundle, the bin, the README, server.json and a dependency-free manifest', async () => {
    const { tarball } = artifactsOf(app);
    const list = await exec('tar', ['-tzf', tarball], { cwd: work });
    expect(list.stdout.trim().split('\n').sort()).toEqual(
      [
        'package/LICENSE',
        'package/README.md',
        `package/bin/${binName(app)}.js`,
        'package/dist/main.js',
        'package/package.json',
        'package/server.json',
      ].sort(),
    );
    const unpacked = join(work, 'unpacked', app);
    mkdirSync(unpacked, { recursive: true });
    await exec('tar', ['-xzf', tarball, '-C', unpacked], { cwd: work });
    const manifest = JSON.parse(readFileSync(join(unpacked, 'package', 'package.json'), 'utf8'));
    expect(manifest).toMatchObject({
      name: `@mcp-fr/${app}`,
      version,
      mcpName: `io.github.example-owner/mcp-fr-${app}`,
      repository: {
        type: 'git',
        url: 'git+https://github.com/example-owner/mcp-fr.git',
        directory: `apps/${app}`,
      },
      type: 'module',
      bin: { [binName(app)]: `bin/${binName(app)}.js` },
      engines: { node: '>=22.12' },
      publishConfig: { access: 'public' },
    });
    expect(manifest.dependencies).toBeUndefined();
    expect(manifest.private).toBeUndefined();
    const serverJson = JSON.parse(readFileSync(join(unpacked, 'package', 'server.json'), 'utf8'));
    // The registry checks that the npm package and its server.json name each other.
    expect(serverJson.name).toBe(manifest.mcpName);
    expect(serverJson.packages[0]).toMatchObject({ identifier: `@mcp-fr/${app}`, version });
    expect(readFileSync(join(unpacked, 'package', 'README.md'), 'utf8')).toContain(
      `npx -y @mcp-fr/${app} --stdio`,
    );
  });
});

describe.each(LINES)('Node %i: npx -y <tarball> --stdio in an empty folder', (line) => {
  it.concurrent.for(APP_IDS)('%s answers initialize and tools/list', async (app, { expect }) => {
    const place = emptyPlace(`npx-${line}-${app}`);
    const bin = nodeBins.get(line) as string;
    const answer = await initializeAndListTools({
      command: 'npx',
      // `file:` makes npx install the tarball; a bare path would be run as a command.
      args: ['-y', `file:${artifactsOf(app).tarball}`, '--stdio'],
      cwd: place.cwd,
      // Node of this line first on PATH: npx, and the package's `#!/usr/bin/env node` bin, run on it.
      env: { ...place.env, PATH: [bin, process.env.PATH ?? ''].join(delimiter) },
    });
    expect(answer).toEqual({
      serverName: app,
      serverVersion: version,
      tools: declaredTools(root, app),
      toolsHaveObjectSchemas: true,
    });
  });

  it('really ran that Node line', async () => {
    const r = await exec(join(nodeBins.get(line) as string, 'node'), ['--version'], { cwd: work });
    expect(r.stdout.trim().startsWith(`v${line}.`)).toBe(true);
  });
});

/** `${__dirname}` is the unpacked bundle; `${user_config.x}` is what the user typed, empty when skipped. */
const resolveTemplate = (value: string, dir: string, userConfig: Record<string, string>) =>
  value
    // biome-ignore lint/suspicious/noTemplateCurlyInString: the manifest's placeholder, not a JS template
    .replaceAll('${__dirname}', dir)
    .replace(/\$\{user_config\.([a-z0-9_]+)\}/g, (_, key: string) => userConfig[key] ?? '');

interface Unpacked {
  dir: string;
  manifest: McpbManifest;
}
const unpacked = new Map<AppId, Unpacked>();

describe('.mcpb bundles', () => {
  beforeAll(async () => {
    await Promise.all(
      APP_IDS.map(async (app) => {
        const dir = join(work, 'mcpb-unpacked', app);
        mkdirSync(dir, { recursive: true });
        // The mcpb library's own unpack and validate (what `mcpb unpack` and `mcpb validate` run),
        // in process: the build already ran the CLI on each manifest, and spawning it again costs ~1 s each.
        if (!(await unpackExtension({ mcpbPath: artifactsOf(app).mcpb, outputDir: dir, silent: true }))) {
          throw new Error(`mcpb unpack ${app} failed`);
        }
        const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as McpbManifest;
        unpacked.set(app, { dir, manifest });
      }),
    );
  });

  it.concurrent.for(APP_IDS)(
    '%s: validates with mcpb, at the release version, server inside, no node_modules',
    async (app, { expect }) => {
      const { dir, manifest } = unpacked.get(app) as Unpacked;
      expect(validateManifest(join(dir, 'manifest.json'))).toBe(true);
      expect(manifest.version).toBe(version);
      expect(statSync(join(dir, 'server', 'main.js')).isFile()).toBe(true);
      expect(() => statSync(join(dir, 'node_modules'))).toThrow();
    },
  );

  it.concurrent.for(APP_IDS)(
    '%s: serves tools/list over stdio when started as the manifest says',
    async (app, { expect }) => {
      const { dir, manifest } = unpacked.get(app) as Unpacked;
      const { command, args, env } = manifest.server.mcp_config;
      const place = emptyPlace(`mcpb-${app}`);
      const answer = await initializeAndListTools({
        command: command === 'node' ? process.execPath : command,
        args: args.map((a) => resolveTemplate(a, dir, {})),
        cwd: place.cwd,
        env: {
          PATH: process.env.PATH ?? '',
          HOME: place.env.HOME,
          ...Object.fromEntries(Object.entries(env).map(([k, v]) => [k, resolveTemplate(v, dir, {})])),
        },
      });
      expect(answer.serverVersion).toBe(version);
      expect(answer.tools).toEqual(declaredTools(root, app));
    },
  );
});

describe('@mcp-fr/cli tarball', () => {
  const npx = (args: string[], env: Record<string, string> = {}) => {
    const place = emptyPlace(`cli-${args[0]}`);
    return exec('npx', ['-y', `file:${release.cli as string}`, ...args], {
      cwd: place.cwd,
      env: { ...process.env, ...place.env, ...env },
    });
  };

  it('runs mcp-config through npx with nothing but the tarball', async () => {
    const r = await npx(['clients', '--client', 'stdio', '--app', 'rdap']);
    expect(r.code, r.stderr).toBe(0);
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
  });
});
