import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from '../cli.js';
import type { CheckResult } from '../index.js';
import { type FakeServer, send, startFake } from '../testing/fake-servers.js';
import { captureIo } from '../testing/io.js';
import { parseTarget } from './target.js';
import { checkTls } from './tls.js';

// What Traefik serves before Let's Encrypt has issued a certificate: a self-signed one.
const dir = mkdtempSync(join(tmpdir(), 'mcp-cli-tls-'));
let server: FakeServer;

beforeAll(async () => {
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-days',
      '30',
      '-keyout',
      join(dir, 'key.pem'),
      '-out',
      join(dir, 'cert.pem'),
      '-subj',
      '/CN=TRAEFIK DEFAULT CERT',
      '-addext',
      'subjectAltName=IP:127.0.0.1',
    ],
    { stdio: 'ignore' },
  );
  const https = createServer(
    { key: readFileSync(join(dir, 'key.pem')), cert: readFileSync(join(dir, 'cert.pem')) },
    (_req, res) => send(res, 200, 'application/json', '{"status":"ok"}'),
  );
  server = await startFake(() => {}, https);
});
afterAll(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('TLS check', () => {
  it('reports a self-signed certificate and says what Traefik is waiting for', async () => {
    const io = captureIo();
    const code = await run(['doctor', server.url, '--json', '--timeout', '5000'], io);
    expect(code).toBe(1);
    const checks = (JSON.parse(io.stdout()) as { checks: CheckResult[] }).checks;
    const tls = checks.find((c) => c.name === 'TLS certificate');
    expect(tls?.status).toBe('fail');
    expect(tls?.detail).toMatch(
      /^DEPTH_ZERO_SELF_SIGNED_CERT; TLSv1\.3, issuer TRAEFIK DEFAULT CERT, valid until \d{4}-\d\d-\d\d \((29|30) days\)$/,
    );
    expect(tls?.cause).toContain("Let's Encrypt");
    const health = checks.find((c) => c.name === 'GET / (healthcheck)');
    expect(health?.detail).toMatch(/^DEPTH_ZERO_SELF_SIGNED_CERT/);
    expect(health?.cause).toContain('port 80 is open for the HTTP challenge');
  });

  it('fails plain http to a public host (the password would travel in clear), skips it on loopback', async () => {
    const remote = await checkTls(parseTarget('http://annuaire.mcp.example.com'), 1000);
    expect(remote).toMatchObject({ status: 'fail', detail: 'plain http: no TLS' });
    expect(remote.cause).toContain('travel in clear');
    expect((await checkTls(parseTarget('http://localhost:8081/mcp'), 1000)).status).toBe('skip');
  });
});

describe('parseTarget', () => {
  it('accepts the base URL, the /mcp URL, a trailing slash, a bare host and a path prefix', () => {
    for (const raw of [
      'https://annuaire.mcp.example.com',
      'https://annuaire.mcp.example.com/',
      'https://annuaire.mcp.example.com/mcp',
      'https://annuaire.mcp.example.com/mcp/',
      'annuaire.mcp.example.com',
    ]) {
      expect(parseTarget(raw)).toMatchObject({
        base: 'https://annuaire.mcp.example.com',
        mcpUrl: 'https://annuaire.mcp.example.com/mcp',
        healthUrl: 'https://annuaire.mcp.example.com/',
        port: 443,
        loopback: false,
      });
    }
    expect(parseTarget('http://127.0.0.1:8081/annuaire/mcp')).toMatchObject({
      mcpUrl: 'http://127.0.0.1:8081/annuaire/mcp',
      port: 8081,
      loopback: true,
    });
  });

  it('refuses credentials in the URL, other schemes and stdio configs', () => {
    expect(() => parseTarget('https://u:p@annuaire.mcp.example.com')).toThrow('no credentials in the URL');
    expect(() => parseTarget('ws://annuaire.mcp.example.com')).toThrow('not MCP HTTP endpoints');
    expect(() => parseTarget('https://annuaire.mcp.example.com/sse')).toThrow(
      'Streamable HTTP at https://annuaire.mcp.example.com/mcp',
    );
    expect(() => parseTarget('{"command":"npx","args":["-y","@mcp-fr/annuaire","--stdio"]}')).toThrow(
      'stdio',
    );
  });
});
