import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ReplayServer, startReplayServer } from '../testing/replay-server.js';
import type { Resolver } from './resolve.js';
import { createSafeFetch } from './safe-fetch.js';

// Every refused URL below would land on this server if the guard let it through.
let canary: ReplayServer;
let port: number;

beforeAll(async () => {
  canary = await startReplayServer([
    { path: /.*/, body: '<html>secret</html>', headers: { 'content-type': 'text/html' } },
  ]);
  port = canary.port;
});

afterAll(async () => {
  // The guard's whole point: not one request reached the canary in this file.
  expect(canary.count()).toBe(0);
  await canary.close();
});

/** Port checks lifted for the canary's port, so each refusal below is about the address itself. */
const guarded = (resolver?: Resolver) =>
  createSafeFetch({ allowPorts: [port], ...(resolver && { resolver }) });

describe('safeFetch SSRF guard: forbidden address families', () => {
  const cases: Array<[string, () => string, string]> = [
    ['IPv4 loopback', () => `http://127.0.0.1:${port}/`, 'loopback'],
    ['IPv4 loopback, other address', () => `http://127.1.2.3:${port}/`, 'loopback'],
    ['IPv4 loopback written as one number', () => `http://2130706433:${port}/`, 'loopback'],
    ['IPv4 loopback in hex', () => `http://0x7f.0.0.1:${port}/`, 'loopback'],
    ['private 10/8', () => 'http://10.0.0.1/', 'private'],
    ['private 172.16/12 (low end)', () => 'http://172.16.0.1/', 'private'],
    ['private 172.16/12 (high end)', () => 'http://172.31.255.254/', 'private'],
    ['private 192.168/16', () => 'http://192.168.1.1/', 'private'],
    ['link-local / cloud metadata', () => 'http://169.254.169.254/latest/meta-data/', 'linkLocal'],
    ['CGNAT 100.64/10', () => 'http://100.64.0.1/', 'carrierGradeNat'],
    ['multicast', () => 'http://224.0.0.1/', 'multicast'],
    ['unspecified', () => `http://0.0.0.0:${port}/`, 'unspecified'],
    ['broadcast', () => 'http://255.255.255.255/', 'broadcast'],
    ['IPv6 loopback', () => `http://[::1]:${port}/`, 'loopback'],
    ['IPv6 unspecified', () => `http://[::]:${port}/`, 'unspecified'],
    ['IPv6 unique local fc00::/7', () => 'http://[fd12:3456::1]/', 'uniqueLocal'],
    ['IPv6 link-local fe80::/10', () => 'http://[fe80::1]/', 'linkLocal'],
    ['IPv4-mapped loopback', () => `http://[::ffff:127.0.0.1]:${port}/`, 'ipv4Mapped'],
    ['IPv4-mapped metadata', () => 'http://[::ffff:169.254.169.254]/', 'ipv4Mapped'],
    ['NAT64 embedding 10.0.0.1', () => 'http://[64:ff9b::a00:1]/', 'rfc6052'],
    ['IPv4-compatible loopback ::/96', () => `http://[::127.0.0.1]:${port}/`, 'ipv4Compatible'],
    ['IPv4-compatible metadata ::/96', () => 'http://[::169.254.169.254]/', 'ipv4Compatible'],
  ];

  it.each(cases)('refuses %s', async (_label, url, range) => {
    const res = await guarded()(url());
    expect(res).toMatchObject({
      ok: false,
      error: { code: 'forbidden_target', details: { reason: 'address', range } },
    });
  });

  it('refuses a host name resolving to 127.0.0.1 (localhost)', async () => {
    const res = await guarded()(`http://localhost:${port}/`);
    expect(res).toMatchObject({
      ok: false,
      error: { code: 'forbidden_target', details: { reason: 'address' } },
    });
    if (!res.ok) expect(res.error.message).toContain('localhost');
  });

  it('refuses a name resolving to a private address, and one with a private address among public ones', async () => {
    const only = guarded(async () => [{ address: '10.1.2.3', family: 4 }]);
    const mixed = guarded(async () => [
      { address: '93.184.215.14', family: 4 },
      { address: '192.168.0.10', family: 4 },
    ]);
    for (const res of [await only('http://intranet.example/'), await mixed('http://www.example.fr/')]) {
      expect(res).toMatchObject({
        ok: false,
        error: { code: 'forbidden_target', details: { reason: 'address' } },
      });
    }
  });
});

describe('safeFetch SSRF guard: schemes, credentials, ports', () => {
  it.each([
    'file:///etc/passwd',
    'ftp://ftp.example.org/pub/',
    'gopher://example.org/',
    'data:text/html,<h1>x</h1>',
  ])('refuses %s', async (url) => {
    const res = await guarded()(url);
    expect(res).toMatchObject({
      ok: false,
      error: { code: 'forbidden_target', details: { reason: 'scheme' } },
    });
  });

  it('refuses credentials in the URL even on an allowlisted host', async () => {
    const sf = createSafeFetch({ allowHosts: ['127.0.0.1'] });
    const res = await sf(`http://admin:secret@127.0.0.1:${port}/`);
    expect(res).toMatchObject({
      ok: false,
      error: { code: 'forbidden_target', details: { reason: 'credentials' } },
    });
    if (!res.ok) expect(res.error.message).not.toContain('secret');
  });

  it('refuses ports other than 80 and 443 before resolving anything', async () => {
    let lookups = 0;
    const sf = createSafeFetch({
      resolver: async () => {
        lookups += 1;
        return [{ address: '93.184.215.14', family: 4 }];
      },
    });
    const res = await sf('http://www.example.fr:6379/');
    expect(res).toMatchObject({
      ok: false,
      error: { code: 'forbidden_target', details: { reason: 'port', port: 6379 } },
    });
    expect(lookups).toBe(0);
  });

  it('rejects a string that is not a URL as invalid_input', async () => {
    const res = await guarded()('not a url');
    expect(res).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });
});

describe('safeFetch SSRF guard: redirects and DNS rebinding', () => {
  let hop: ReplayServer;
  beforeAll(async () => {
    hop = await startReplayServer((req) => ({
      status: 302,
      headers: { location: decodeURIComponent(req.query.get('to') ?? '/') },
    }));
  });
  afterAll(() => hop.close());

  it.each([
    ['localhost on the canary port', () => `http://localhost:${port}/`],
    ['IPv6 loopback', () => `http://[::1]:${port}/`],
    ['cloud metadata', () => 'http://169.254.169.254/latest/meta-data/'],
    ['a file URL', () => 'file:///etc/passwd'],
  ])('re-checks the hop after an allowed host redirects to %s', async (_label, to) => {
    // Only the first hop's host (127.0.0.1) is trusted; the target names a different host.
    const sf = createSafeFetch({ allowHosts: ['127.0.0.1'], allowPorts: [port] });
    const res = await sf(`${hop.url}/go?to=${encodeURIComponent(to())}`);
    expect(res).toMatchObject({ ok: false, error: { code: 'forbidden_target' } });
  });

  it('connects to the address it checked, never to a second DNS answer', async () => {
    const site = await startReplayServer([
      { path: '/', body: '<p>pinned</p>', headers: { 'content-type': 'text/html' } },
    ]);
    let lookups = 0;
    const sf = createSafeFetch({
      allowHosts: ['rebind.test'],
      resolver: async () => {
        lookups += 1;
        // A rebinding resolver: first answer checked, later answers elsewhere (nothing listens there).
        return [{ address: lookups === 1 ? '127.0.0.1' : '127.0.0.2', family: 4 }];
      },
    });
    const res = await sf(`http://rebind.test:${site.port}/`);
    await site.close();
    expect(res.ok && res.value.text).toBe('<p>pinned</p>');
    expect(lookups).toBe(1);
    expect(site.requests[0]?.headers.host).toBe(`rebind.test:${site.port}`);
  });
});
