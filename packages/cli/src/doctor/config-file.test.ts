import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { annuaireServer } from '@mcp/annuaire';
import { startTestServer } from '@mcp/core/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from '../cli.js';
import { BRIDGE_HEADER_ARG } from '../clients/formats.js';
import type { CheckResult } from '../index.js';
import { captureIo } from '../testing/io.js';
import { readClientConfig } from './config-file.js';

const work = mkdtempSync(join(tmpdir(), 'mcp-cli-config-'));
let app: Awaited<ReturnType<typeof startTestServer>>;
beforeAll(async () => {
  app = await startTestServer(annuaireServer, { env: { ANNUAIRE_BASE_URL: 'http://127.0.0.1:9' } });
});
afterAll(async () => {
  await app.close();
  rmSync(work, { recursive: true, force: true });
});

interface Report {
  ok: boolean;
  servers: { name: string; kind: string; ok: boolean; checks: CheckResult[] }[];
}

const doctorConfig = async (config: unknown, extra: string[] = []) => {
  const file = join(work, 'mcp.json');
  writeFileSync(file, typeof config === 'string' ? config : JSON.stringify(config));
  const io = captureIo({ cwd: work });
  const code = await run(['doctor', '--config', 'mcp.json', '--json', '--timeout', '5000', ...extra], io);
  return { code, err: io.stderr(), report: io.stdout() ? (JSON.parse(io.stdout()) as Report) : undefined };
};

describe('doctor --config', () => {
  it('checks each remote server of a Cursor file with the URL and header written there', async () => {
    const { code, report } = await doctorConfig({
      mcpServers: {
        annuaire: { url: app.mcpUrl, headers: { Authorization: app.authorization } },
        bridge: {
          command: 'npx',
          args: ['-y', 'mcp-remote', app.mcpUrl, '--header', BRIDGE_HEADER_ARG],
          env: { MCP_FR_AUTH: app.authorization },
        },
        other: { command: 'uvx', args: ['mcp-server-time'] },
      },
    });
    expect(code).toBe(0);
    expect(report?.servers.map((s) => [s.name, s.kind, s.ok])).toEqual([
      ['annuaire', 'http', true],
      ['bridge', 'bridge', true],
      ['other', 'stdio', true],
    ]);
    const annuaire = report?.servers[0]?.checks.find((c) => c.name === 'tools/call verify_siret');
    expect(annuaire?.status).toBe('ok');
    expect(report?.servers[2]?.checks).toEqual([
      expect.objectContaining({ status: 'skip', detail: expect.stringContaining('started by the client') }),
    ]);
  });

  it('names what the file gets wrong: no /mcp, sse type, no header, stdio without --stdio, npx --no', async () => {
    const base = app.url;
    const { code, report } = await doctorConfig({
      mcpServers: {
        nomcp: { url: base, headers: { Authorization: app.authorization } },
        sse: { type: 'sse', url: app.mcpUrl, headers: { Authorization: app.authorization } },
        noheader: { url: app.mcpUrl, env: { Authorization: app.authorization } },
        local: { command: 'npx', args: ['-y', '@mcp-fr/annuaire'] },
        swallowed: { command: 'npx', args: ['--no', '@mcp-fr/annuaire', '--stdio'] },
      },
    });
    expect(code).toBe(1);
    const cause = (server: string) =>
      report?.servers.find((s) => s.name === server)?.checks.find((c) => c.name === `config: ${server}`)
        ?.cause;
    expect(cause('nomcp')).toContain('the endpoint is <base>/mcp');
    expect(cause('sse')).toContain('Streamable HTTP');
    expect(cause('noheader')).toContain('add headers.Authorization');
    expect(cause('local')).toContain('add --stdio');
    expect(cause('swallowed')).toContain('use npx -y');
    // Without a header the live checks still run, and the authenticated ones are skipped.
    const noheader = report?.servers.find((s) => s.name === 'noheader')?.checks ?? [];
    expect(noheader.find((c) => c.name === 'tools/list (SDK client)')?.status).toBe('skip');
  });

  it('reads VS Code files (servers, JSONC comments) and filters with --server', async () => {
    const jsonc = `// workspace servers
{ "servers": {
    "annuaire": { "type": "http", "url": "${app.mcpUrl}", "headers": { "Authorization": "${app.authorization}" } },
    "rdap": { "url": "https://rdap.mcp.example.com/mcp" },
  } }`;
    const { code, report } = await doctorConfig(jsonc, ['--server', 'annuaire']);
    expect(code).toBe(0);
    expect(report?.servers.map((s) => s.name)).toEqual(['annuaire']);
    expect(readClientConfig(jsonc)[1]?.findings.map((f) => f.detail)).toEqual([
      'no "type"',
      'no Authorization header',
    ]);
  });

  it('expands variables (with defaults) as Claude Code and Cursor do; VS Code prompts take MCP_FR_AUTH', () => {
    const ref = (inner: string) => `\${${inner}}`;
    const file = JSON.stringify({
      servers: {
        code: { type: 'http', url: app.mcpUrl, headers: { Authorization: ref('MCP_FR_AUTH') } },
        fallback: { type: 'http', url: app.mcpUrl, headers: { Authorization: ref('UNSET:-Basic eA==') } },
        cursor: { type: 'http', url: app.mcpUrl, headers: { Authorization: ref('env:MCP_FR_AUTH') } },
        prompt: { type: 'http', url: app.mcpUrl, headers: { Authorization: ref('input:mcp-fr-auth') } },
      },
    });
    const withVar = readClientConfig(file, { MCP_FR_AUTH: 'Basic abc=' });
    expect(withVar.map((e) => [e.name, e.authorization, e.findings])).toEqual([
      ['code', 'Basic abc=', []],
      ['fallback', 'Basic eA==', []],
      ['cursor', 'Basic abc=', []],
      ['prompt', 'Basic abc=', []],
    ]);
    const without = readClientConfig(file, {});
    expect(without.map((e) => [e.name, e.authorization, e.findings[0]?.status])).toEqual([
      ['code', undefined, 'fail'],
      ['fallback', 'Basic eA==', undefined],
      ['cursor', undefined, 'fail'],
      ['prompt', undefined, 'skip'],
    ]);
    expect(without[0]?.findings[0]?.detail).toBe(
      `the header reads ${ref('MCP_FR_AUTH')}, which is not set here`,
    );
  });

  it('says a file that does not parse is ignored by clients, exit 1', async () => {
    const { code, err } = await doctorConfig('{ "mcpServers": { "a": { "url": "x" } ');
    expect(code).toBe(1);
    expect(err).toContain('most clients ignore it entirely');
  });
});
