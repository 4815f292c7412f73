import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ReplayReply, type ReplayServer, startReplayServer } from '../testing/replay-server.js';
import { createUpstream } from '../upstream/upstream.js';
import { createSafeFetch } from './safe-fetch.js';

// The canary stands for an internal admin page: every test below must leave it untouched. Tests lift
// the guard for 127.0.0.1 on the fake server's port only, so the canary's port stays forbidden.
let canary: ReplayServer;
let registry: ReplayServer;

beforeAll(async () => {
  canary = await startReplayServer([
    { path: /.*/, status: 500, body: 'INTERNAL ADMIN SECRET', headers: { 'content-type': 'text/plain' } },
  ]);
  registry = await startReplayServer((req): ReplayReply => {
    if (req.path === '/domain/evil.example') {
      return { status: 302, headers: { location: `http://127.0.0.1:${canary.port}/internal-admin` } };
    }
    if (req.path === '/domain/v6.example') {
      return { status: 302, headers: { location: `http://[::127.0.0.1]:${canary.port}/internal-admin` } };
    }
    if (req.path === '/domain/local.example') {
      return { status: 307, headers: { location: `http://localhost:${canary.port}/internal-admin` } };
    }
    if (req.path === '/moved') return { status: 301, headers: { location: '/domain/ok.example' } };
    return { headers: { 'content-type': 'application/rdap+json' }, body: '{"objectClassName":"domain"}' };
  });
});

afterAll(async () => {
  expect(canary.count()).toBe(0);
  await Promise.all([canary.close(), registry.close()]);
});

const guardedRegistry = () =>
  createUpstream({
    name: 'registry',
    baseUrl: registry.url,
    retries: 0,
    guard: { allowHosts: ['127.0.0.1'], allowPorts: [registry.port] },
  });

describe('createUpstream with a guard: every hop of a third-party server is checked', () => {
  it.each(['evil.example', 'v6.example', 'local.example'])(
    'refuses a registry redirect into the private network (%s) as forbidden_target, body never fetched',
    async (domain) => {
      const client = guardedRegistry();
      const res = await client.json({ path: `domain/${domain}` });
      expect(res).toMatchObject({ ok: false, error: { code: 'forbidden_target' } });
      expect(JSON.stringify(res)).not.toContain('SECRET');
      await client.close();
    },
  );

  it('still follows a redirect that stays on an allowed host and port', async () => {
    const client = guardedRegistry();
    const res = await client.json<{ objectClassName: string }>({ path: 'moved' });
    expect(res.ok && res.value.data).toEqual({ objectClassName: 'domain' });
    await client.close();
  });

  it('refuses the first hop too: a registry URL pointing at a private address', async () => {
    const client = createUpstream({ name: 'registry', baseUrl: canary.url, retries: 0, guard: {} });
    const res = await client.json({ path: 'internal-admin' });
    expect(res).toMatchObject({
      ok: false,
      error: { code: 'forbidden_target', details: { reason: 'port' } },
    });
    await client.close();
  });

  it("trusts the operator's own base URL on its host and port only", async () => {
    const client = createUpstream({
      name: 'registry',
      baseUrl: registry.url,
      retries: 0,
      guard: { trustedUrls: [registry.url] },
    });
    expect((await client.json({ path: 'domain/ok.example' })).ok).toBe(true);
    expect(await client.json({ path: 'domain/evil.example' })).toMatchObject({
      ok: false,
      error: { code: 'forbidden_target' },
    });
    await client.close();
  });
});

describe('safeFetch: lifted hosts and redirected bodies', () => {
  const sf = () => createSafeFetch({ allowHosts: ['127.0.0.1'], allowPorts: [registry.port] });

  it('keeps other ports of a lifted host closed when SAFE_FETCH_ALLOW_PORTS is set', async () => {
    const res = await sf()(`${registry.url}/domain/evil.example`);
    expect(res).toMatchObject({
      ok: false,
      error: { code: 'forbidden_target', details: { reason: 'port', port: canary.port } },
    });
  });

  it('never echoes the body of a page reached through a redirect', async () => {
    const site = await startReplayServer([
      { path: '/go', status: 302, headers: { location: '/private' } },
      { path: '/private', status: 500, body: 'hop body', headers: { 'content-type': 'text/plain' } },
      { path: '/direct', status: 500, body: 'direct body', headers: { 'content-type': 'text/plain' } },
    ]);
    const fetchIt = createSafeFetch({ allowHosts: ['127.0.0.1'] });
    const redirected = await fetchIt(`${site.url}/go`);
    expect(redirected).toMatchObject({
      ok: false,
      error: { code: 'upstream_http', details: { status: 500 } },
    });
    expect(JSON.stringify(redirected)).not.toContain('hop body');
    // A page asked for directly keeps its start in the details: the caller chose that URL.
    const direct = await fetchIt(`${site.url}/direct`);
    expect(direct).toMatchObject({ ok: false, error: { details: { body: 'direct body' } } });
    await site.close();
  });
});
