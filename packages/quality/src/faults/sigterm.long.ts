import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { basicHeader } from '@mcp/core';
import { readFixture, startReplayServer, TEST_CREDENTIAL } from '@mcp/core/testing';
import { describe, expect, it } from 'vitest';

/*
 * SIGTERM while requests are in flight, on the real process entry (apps/rdap/src/main.ts → runMain):
 * every request already accepted is answered, none dropped, and the process exits 0.
 */
const tsx = createRequire(import.meta.url).resolve('tsx');
const main = fileURLToPath(new URL('../../../../apps/rdap/src/main.ts', import.meta.url));
const IN_FLIGHT = 40;

describe('SIGTERM during load (rdap app, real process)', () => {
  it(`answers all ${IN_FLIGHT} in-flight tool calls, then exits 0`, async () => {
    // Every registry answer takes 1.5 s, so the calls are still in flight when SIGTERM arrives.
    const registry = await startReplayServer((req) =>
      req.path === '/rdap/dns.json'
        ? { headers: { 'content-type': 'application/json' }, body: readFixture('rdap', 'iana_dns.json') }
        : {
            delayMs: 1500,
            headers: { 'content-type': 'application/rdap+json' },
            body: readFixture('rdap', 'afnic_domain_lemonde.fr.json'),
          },
    );
    const child = spawn(process.execPath, ['--conditions=@mcp/source', '--import', tsx, main], {
      env: {
        PATH: process.env.PATH ?? '',
        NODE_ENV: 'production',
        HOST: '127.0.0.1',
        PORT: '0',
        LOG_LEVEL: 'info',
        AUTH_USERNAME: TEST_CREDENTIAL.username,
        AUTH_PASSWORD: TEST_CREDENTIAL.password,
        RDAP_BOOTSTRAP_URL: registry.url,
        RDAP_SERVERS_OVERRIDE_URL: registry.url,
        RDAP_FR_BASE_URL: registry.url,
        RDAP_RATE_PER_SECOND: '1000',
        RDAP_CONCURRENCY_PER_REGISTRY: '20',
        RDAP_CACHE_TTL_S: '0',
        SHUTDOWN_TIMEOUT_MS: '30000',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      let out = '';
      const url = await new Promise<string>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no listening line:\n${out}`)), 60_000);
        child.stdout.on('data', (d: Buffer) => {
          out += d.toString();
          const m = /"url":"(http:\/\/[^"]+)\/mcp"/.exec(out);
          if (m?.[1]) {
            clearTimeout(timer);
            resolve(m[1]);
          }
        });
      });
      const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
      const call = (i: number) =>
        fetch(`${url}/mcp`, {
          method: 'POST',
          headers: {
            authorization: basicHeader(TEST_CREDENTIAL),
            'content-type': 'application/json',
            accept: 'application/json, text/event-stream',
            'mcp-protocol-version': '2025-06-18',
          },
          body: JSON.stringify({
            jsonrpc: '2.0',
            id: i,
            method: 'tools/call',
            params: { name: 'lookup_domain', arguments: { domain: `site-${i}.fr` } },
          }),
        }).then(async (res) => ({
          status: res.status,
          body: (await res.json()) as { result?: { isError?: boolean } },
        }));

      const calls = Array.from({ length: IN_FLIGHT }, (_, i) => call(i));
      // SIGTERM once every call has reached the registry (all are then in flight inside the app).
      for (let i = 0; i < 200 && registry.count() < IN_FLIGHT + 1; i++)
        await new Promise((r) => setTimeout(r, 50));
      expect(registry.count()).toBeGreaterThanOrEqual(IN_FLIGHT);
      child.kill('SIGTERM');
      const answers = await Promise.allSettled(calls);
      const answered = answers.filter((a) => a.status === 'fulfilled' && a.value.status === 200);
      expect(answered.length, JSON.stringify(answers.filter((a) => a.status === 'rejected'))).toBe(IN_FLIGHT);
      for (const a of answered) if (a.status === 'fulfilled') expect(a.value.body.result).toBeDefined();
      expect(await exited).toBe(0);
      expect(out).toMatch(/shutting down/);
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
      await registry.close();
    }
  });
});
