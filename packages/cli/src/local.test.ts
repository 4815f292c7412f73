import { globSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { annuaireServer } from '@mcp/annuaire';
import { startTestServer } from '@mcp/core/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALL_IN_ONE } from './apps.js';
import { run } from './cli.js';
import { DEFAULT_START_PORT, LOCAL_ORDER, localUrl } from './local.js';
import { captureIo } from './testing/io.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const start = readFileSync(join(root, '.ci/start'), 'utf8');
const compose = readFileSync(join(root, 'docker-compose.local.yml'), 'utf8');

/** The five standalone apps in the order `.ci/start` starts them: its loop glob, expanded and sorted as bash does. */
const startOrder = (): string[] => {
  const glob = /^for main in (\S+); do$/m.exec(start)?.[1];
  expect(glob, 'the app loop of .ci/start').toBeDefined();
  return globSync(glob as string, { cwd: root })
    .sort()
    .map((path) => path.split('/')[1] as string)
    .filter((app) => app !== ALL_IN_ONE);
};

/** The all-in-one's own dev port (apps/all-in-one/dev.env), after the five's. */
const allInOnePort = (): number =>
  Number(/^PORT=(\d+)$/m.exec(readFileSync(join(root, 'apps/all-in-one/dev.env'), 'utf8'))?.[1]);

describe("--local follows .ci/start, docker-compose.local.yml and the all-in-one's dev.env", () => {
  it('orders the five as .ci/start starts them, from its default port, one port each, then the all-in-one', () => {
    expect(LOCAL_ORDER).toEqual([...startOrder(), ALL_IN_ONE]);
    expect(start).toContain(`port="\${START_PORT:-${DEFAULT_START_PORT}}"`);
    expect(start).toContain('port=$((port + 1))');
    expect(localUrl(ALL_IN_ONE, DEFAULT_START_PORT)).toBe(`http://127.0.0.1:${allInOnePort()}/mcp`);
    // The script leaves the all-in-one out of the five's loop and appends it after them.
    expect(start.indexOf('mains+=(apps/all-in-one/src/main.ts)')).toBeGreaterThan(
      start.indexOf('for main in apps/*/src/main.ts'),
    );
  });

  it('gives each of the five the port docker-compose.local.yml publishes it on', () => {
    for (const app of LOCAL_ORDER.filter((a) => a !== ALL_IN_ONE)) {
      const service = new RegExp(
        `^ {2}mcp-${app}:\\n(?: {4}.*\\n|\\n)*? {6}- "127\\.0\\.0\\.1:(\\d+):8080"`,
        'm',
      );
      const port = service.exec(compose)?.[1];
      expect(localUrl(app, DEFAULT_START_PORT), app).toBe(`http://127.0.0.1:${port}/mcp`);
    }
  });

  it('prints those URLs, in that order, from --start-port (the five by default)', async () => {
    for (const [args, first] of [
      [[], DEFAULT_START_PORT],
      [['--start-port', '9001'], 9001],
    ] as const) {
      const io = captureIo();
      expect(await run(['clients', '--local', ...args, '--client', 'cursor'], io)).toBe(0);
      const servers = JSON.parse(io.stdout()).mcpServers as Record<string, { url: string }>;
      expect(Object.entries(servers).map(([name, s]) => [name, s.url])).toEqual(
        startOrder().map((app, i) => [app, `http://127.0.0.1:${first + i}/mcp`]),
      );
    }
  });
});

describe('--local configs work against a local app', () => {
  const work = mkdtempSync(join(tmpdir(), 'mcp-cli-local-'));
  let app: Awaited<ReturnType<typeof startTestServer>>;
  beforeAll(async () => {
    app = await startTestServer(annuaireServer, { env: { ANNUAIRE_BASE_URL: 'http://127.0.0.1:9' } });
  });
  afterAll(async () => {
    await app.close();
    rmSync(work, { recursive: true, force: true });
  });

  // annuaire is first in .ci/start's order: --start-port at its port points the configs at it. The
  // doctor then reads each file as its client does, MCP_FR_AUTH set as `.ci/start` prints it.
  it.each([
    ['cursor', []],
    ['claude-code', []],
    ['vscode', []],
    ['claude-desktop', []],
  ])('%s: the written file passes doctor --config with MCP_FR_AUTH set', async (client) => {
    const port = String(new URL(app.mcpUrl).port);
    const env = { MCP_FR_AUTH: app.authorization };
    const file = `${client}.json`;
    const write = captureIo({ env, cwd: work });
    const args = ['--local', '--start-port', port, '--app', 'annuaire', '--client', client, '--write', file];
    expect(await run(['clients', ...args], write)).toBe(0);
    const doctor = captureIo({ env, cwd: work });
    const code = await run(['doctor', '--config', file, '--json', '--timeout', '5000'], doctor);
    const report = JSON.parse(doctor.stdout()) as {
      servers: { checks: { name: string; status: string }[] }[];
    };
    const checks = report.servers[0]?.checks ?? [];
    expect(checks.filter((c) => c.status === 'fail')).toEqual([]);
    // Only TLS is skipped (plain http on loopback): the header reached the app and tools were called.
    expect(checks.filter((c) => c.status === 'skip').map((c) => c.name)).toEqual(['TLS certificate']);
    expect(checks.find((c) => c.name === 'tools/call verify_siret')?.status).toBe('ok');
    expect(code).toBe(0);
    if (client !== 'claude-desktop')
      expect(readFileSync(join(work, file), 'utf8')).not.toContain(app.authorization);
  });

  it('without MCP_FR_AUTH, doctor says the Cursor file would send the placeholder', async () => {
    const port = String(new URL(app.mcpUrl).port);
    const io = captureIo({ cwd: work });
    const args = [
      '--local',
      '--start-port',
      port,
      '--app',
      'annuaire',
      '--client',
      'cursor',
      '--write',
      'bare.json',
    ];
    expect(await run(['clients', ...args], io)).toBe(0);
    const doctor = captureIo({ cwd: work });
    expect(await run(['doctor', '--config', 'bare.json', '--json', '--timeout', '5000'], doctor)).toBe(1);
    const checks = JSON.parse(doctor.stdout()).servers[0].checks as { status: string; cause?: string }[];
    expect(checks.find((c) => c.status === 'fail')?.cause).toContain("export MCP_FR_AUTH='Basic …'");
  });
});
