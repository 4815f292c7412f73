import { Client } from '@modelcontextprotocol/client';
import { StdioClientTransport } from '@modelcontextprotocol/client/stdio';
import { describe, expect, it } from 'vitest';
import { prepareServer, StartupError } from './server.js';
import { exampleServer } from './testing/example-server.js';
import { exampleEntry, spawnServer, tsxNodeArgs } from './testing/process.js';
import { toolErrorOf } from './testing/tool-error.js';

const production = (env: Record<string, string>) => () =>
  prepareServer(exampleServer, { env: { NODE_ENV: 'production', ...env }, argv: [] });

describe('production refuses weak or missing credentials', { timeout: 30_000 }, () => {
  it.each([
    ['no credentials at all', {}],
    ['a password shorter than 16 characters', { AUTH_USERNAME: 'ops', AUTH_PASSWORD: 'short-pw-12chr' }],
    ['a known default password', { AUTH_USERNAME: 'ops', AUTH_PASSWORD: 'changeme123' }],
    ['secret123', { AUTH_USERNAME: 'ops', AUTH_PASSWORD: 'secret123' }],
    ['the username as password', { AUTH_USERNAME: 'operations-team', AUTH_PASSWORD: 'operations-team' }],
    ['a weak entry in AUTH_CREDENTIALS', { AUTH_CREDENTIALS: 'a:strong-password-12345,b:admin' }],
    ['a user without password', { AUTH_USERNAME: 'ops' }],
    ['a short bearer token', { AUTH_BEARER_TOKENS: 'abc' }],
  ])('refuses %s', async (_name, env) => {
    await expect(production(env)()).rejects.toThrow(StartupError);
  });

  it('accepts a strong password', async () => {
    const prepared = await production({ AUTH_USERNAME: 'ops', AUTH_PASSWORD: 'a-Strong-passphrase-42' })();
    expect(prepared.credentials.generated).toBeUndefined();
  });

  it('lists every config problem at once', async () => {
    await expect(
      prepareServer(exampleServer, { env: { PORT: 'http', LOG_LEVEL: 'loud' }, argv: [] }),
    ).rejects.toThrow(/PORT.*LOG_LEVEL|LOG_LEVEL.*PORT/);
  });

  it('a real process exits 1 with one clear line and never prints the password', async () => {
    const proc = spawnServer(exampleEntry, {
      env: { NODE_ENV: 'production', AUTH_USERNAME: 'ops', AUTH_PASSWORD: 'secret123', PORT: '0' },
    });
    expect(await proc.exited).toBe(1);
    const lines = proc.stderr().trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/refusing to start: the password of "ops" is weak/);
    expect(proc.stderr() + proc.stdout()).not.toContain('secret123');
  });
});

describe('start-up failures', { timeout: 30_000 }, () => {
  it('a port already in use exits 1 with one line, no stack trace', async () => {
    const { createServer: createNetServer } = await import('node:net');
    const blocker = createNetServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = String((blocker.address() as { port: number }).port);
    const proc = spawnServer(exampleEntry, {
      env: { PORT: port, HOST: '127.0.0.1', AUTH_USERNAME: 'u', AUTH_PASSWORD: 'p-long-enough-1' },
    });
    expect(await proc.exited).toBe(1);
    expect(proc.stderr()).toMatch(
      new RegExp(`refusing to start: port ${port} on 127.0.0.1 is already in use`),
    );
    expect(proc.stderr()).not.toMatch(/\n\s+at /);
    blocker.close();
  });
});

describe('development start-up', { timeout: 30_000 }, () => {
  it('generates a password, prints it once with the ready Authorization header', async () => {
    const proc = spawnServer(exampleEntry, { env: { PORT: '0', HOST: '127.0.0.1' } });
    await proc.waitFor('header:');
    const password = /password:\s+(\S+)/.exec(proc.stderr())![1]!;
    expect(password.length).toBeGreaterThanOrEqual(20);
    const header = /Authorization: (Basic \S+)/.exec(proc.stderr())![1]!;
    expect(Buffer.from(header.slice(6), 'base64').toString()).toBe(`mcp:${password}`);
    expect(proc.stderr().split(password).length - 1).toBe(1);
    expect(proc.stdout()).not.toContain(password);
    proc.child.kill('SIGTERM');
    expect(await proc.exited).toBe(0);
  });
});

describe('stdio transport', { timeout: 30_000 }, () => {
  it('serves tools/list and tools/call to a real SDK client; stdout carries only protocol', async () => {
    const transport = new StdioClientTransport({
      command: process.execPath,
      args: tsxNodeArgs(exampleEntry, ['--stdio']),
      env: { PATH: process.env.PATH ?? '', LOG_LEVEL: 'info' },
      stderr: 'pipe',
    });
    const client = new Client({ name: 'stdio-test', version: '1.0.0' });
    await client.connect(transport);
    const { tools } = await client.listTools();
    expect(tools.map((t) => t.name)).toContain('echo');
    const result = await client.callTool({ name: 'echo', arguments: { text: 'stdio ✓' } });
    expect(result.structuredContent).toEqual({ text: 'stdio ✓', length: 7 });
    const failed = await client.callTool({ name: 'lookup', arguments: { key: 'missing' } });
    expect(failed.structuredContent).toBeUndefined();
    expect(toolErrorOf(failed)).toMatchObject({ code: 'not_found', message: 'No value for "missing".' });
    await client.close();
  });
});

describe('graceful shutdown', { timeout: 30_000 }, () => {
  it('finishes a request in flight on SIGTERM, then exits 0', async () => {
    const proc = spawnServer(exampleEntry, {
      env: {
        PORT: '0',
        HOST: '127.0.0.1',
        AUTH_USERNAME: 'u',
        AUTH_PASSWORD: 'p-long-enough-1',
        LOG_LEVEL: 'info',
      },
    });
    await proc.waitFor(/"url":"http:\/\/127\.0\.0\.1:\d+\/mcp"/);
    const url = /"url":"(http:\/\/127\.0\.0\.1:\d+\/mcp)"/.exec(proc.stdout())![1]!;
    const inflight = fetch(url, {
      method: 'POST',
      headers: {
        authorization: `Basic ${Buffer.from('u:p-long-enough-1').toString('base64')}`,
        'content-type': 'application/json',
        accept: 'application/json, text/event-stream',
        'mcp-protocol-version': '2025-06-18',
      },
      body: JSON.stringify({
        jsonrpc: '2.0',
        id: 1,
        method: 'tools/call',
        params: { name: 'slow', arguments: { steps: 4, step_ms: 150 } },
      }),
    });
    await new Promise((r) => setTimeout(r, 150));
    proc.child.kill('SIGTERM');
    const res = await inflight;
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('"steps_done":4');
    expect(await proc.exited).toBe(0);
  });
});

describe('app cleanup', () => {
  it('runs the cleanups an app registered when the HTTP server closes', async () => {
    const { createServer } = await import('./server.js');
    const { startTestServer } = await import('./testing/start.js');
    let closed = 0;
    const server = createServer({
      name: 'cleanup',
      version: '0.0.0',
      tools: ({ onClose }) => {
        onClose(() => {
          closed++;
        });
        return [];
      },
    });
    const running = await startTestServer(server);
    expect(closed).toBe(0);
    await running.close();
    expect(closed).toBe(1);
  });
});
