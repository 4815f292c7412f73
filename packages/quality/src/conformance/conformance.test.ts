import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type ConformanceServer, startConformanceServer } from '@mcp/core/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { binPath } from '../support/bins.js';
import { runNode } from '../support/run.js';

const baseline = fileURLToPath(new URL('./baseline.yml', import.meta.url));
const NOT_APPLICABLE = [
  'tools-call-sampling',
  'tools-call-elicitation',
  'elicitation-sep1034-defaults',
  'elicitation-sep1330-enums',
  'server-sse-polling',
  'server-sse-multiple-streams',
];

/** `✓ name: 3 passed, 0 failed` lines of the CLI's summary. */
const parseSummary = (out: string) =>
  [...out.matchAll(/^([✓✗]) (\S+): (\d+) passed, (\d+) failed/gmu)].map((m) => ({
    ok: m[1] === '✓',
    scenario: m[2] ?? '',
    passed: Number(m[3]),
    failed: Number(m[4]),
  }));

let server: ConformanceServer;
let workdir: string;

beforeAll(async () => {
  server = await startConformanceServer();
  workdir = mkdtempSync(join(tmpdir(), 'mcp-conformance-'));
});
afterAll(async () => {
  await server?.close();
  rmSync(workdir, { recursive: true, force: true });
});

describe('official MCP conformance suite (server scenarios) against @mcp/core', () => {
  it('passes every applicable scenario; only the listed non-applicable ones fail', async () => {
    const cli = binPath('@modelcontextprotocol/conformance', 'conformance');
    const run = await runNode(
      [cli, 'server', '--url', server.mcpUrl, '--suite', 'all', '--expected-failures', baseline],
      { cwd: workdir, timeoutMs: 150_000 },
    );
    const summary = parseSummary(run.stdout);
    expect(summary.length, run.stdout.slice(-3000)).toBeGreaterThanOrEqual(30);
    const applicable = summary.filter((s) => !NOT_APPLICABLE.includes(s.scenario));
    const notPassing = applicable.filter((s) => !s.ok || s.failed > 0 || s.passed === 0);
    expect(notPassing.map((s) => s.scenario)).toEqual([]);
    expect(applicable.map((s) => s.scenario)).toEqual(
      expect.arrayContaining(['server-initialize', 'tools-call-with-progress', 'dns-rebinding-protection']),
    );
    expect(run.code, run.stdout.slice(-2000) + run.stderr.slice(-2000)).toBe(0);
  }, 180_000);
});

describe('conformance server guard (auth is off)', () => {
  it('refuses a non-loopback bind', async () => {
    await expect(startConformanceServer({ host: '0.0.0.0' })).rejects.toThrow(/loopback only/);
  });

  it('refuses to start in production', async () => {
    await expect(startConformanceServer({ nodeEnv: 'production' })).rejects.toThrow(/production/);
  });

  it('answers 403 to a DNS-rebinding Host and 200 to loopback', async () => {
    const body = JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'ping' });
    const headers = { 'content-type': 'application/json', accept: 'application/json, text/event-stream' };
    const evil = await fetch(server.mcpUrl, {
      method: 'POST',
      headers: { ...headers, origin: 'http://evil.example.com' },
      body,
    });
    expect(evil.status).toBe(403);
    const good = await fetch(server.mcpUrl, { method: 'POST', headers, body });
    expect(good.status).toBe(200);
  });
});
