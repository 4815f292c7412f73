import { createServer, type Server } from 'node:net';
import { readFixtureText, startWhoisServer, type WhoisTestServer } from '@mcp/core/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWhoisClient, MAX_WAITING, parseIanaReferral } from './whois.js';

// whois.iana.org answers in this layout; these two bodies are hand-written from its format
// (domain/organisation/refer/whois lines, "% This query returned 0 objects."), not recorded fixtures.
const IANA_DE = [
  '% IANA WHOIS server',
  '',
  'refer:        whois.denic.de',
  '',
  'domain:       DE',
  '',
  'organisation: DENIC eG',
  '',
  'whois:        whois.denic.de',
  '',
  'status:       ACTIVE',
].join('\n');
const IANA_NONE = '% IANA WHOIS server\n\n% This query returned 0 objects.\n';
// Hand-written: a TLD whose registry WHOIS, per IANA, is a host inside the private network.
const IANA_EVIL = 'refer:        whois.internal.example\n\ndomain:       EVIL\n';

let server: WhoisTestServer;
beforeAll(async () => {
  server = await startWhoisServer((q) => {
    if (q === 'google.fr') return readFixtureText('rdap', 'whois_fr_google.fr.txt');
    if (q === 'de') return IANA_DE;
    if (q === 'zz') return IANA_NONE;
    if (q === 'evil') return IANA_EVIL;
    if (q === 'slow.fr') return { hang: true };
    if (q === 'big.fr') return 'x'.repeat(5000);
    if (q === 'latin1.fr') return Buffer.from('domain: latin1.fr\ncontact: Société Générale\n', 'latin1');
    return undefined;
  });
});
afterAll(() => server.close());

const client = (over: { timeoutMs?: number; maxBytes?: number } = {}) =>
  createWhoisClient({
    timeoutMs: over.timeoutMs ?? 2000,
    maxBytes: over.maxBytes ?? 64_000,
    hostOverride: server.host,
    port: server.port,
  });

describe('WHOIS over port 43', () => {
  it('sends one CRLF line and returns the whole answer', async () => {
    const r = await client().query('whois.nic.fr', 'google.fr');
    expect(r.ok && r.value).toBe(readFixtureText('rdap', 'whois_fr_google.fr.txt'));
    expect(server.queries).toContain('google.fr');
  });

  it('caches answers', async () => {
    const c = client();
    const before = server.queries.length;
    await c.query('whois.nic.fr', 'google.fr');
    await c.query('whois.nic.fr', 'google.fr');
    expect(server.queries.length - before).toBe(1);
  });

  it('times out on a silent server', async () => {
    const started = Date.now();
    const r = await client({ timeoutMs: 300 }).query('whois.nic.fr', 'slow.fr');
    expect(r.ok || r.error.code).toBe('upstream_timeout');
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('stops reading past the byte limit', async () => {
    const r = await client({ maxBytes: 1000 }).query('whois.nic.fr', 'big.fr');
    expect(r.ok || r.error.code).toBe('upstream_too_large');
  });

  it('reports an unreachable server as upstream_http', async () => {
    const c = createWhoisClient({ timeoutMs: 1000, maxBytes: 1000, hostOverride: '127.0.0.1', port: 1 });
    const r = await c.query('whois.nic.fr', 'google.fr');
    expect(r.ok || r.error.code).toBe('upstream_http');
  });

  it(`lets ${MAX_WAITING} queries wait for a busy server and refuses the next at once`, async () => {
    const c = createWhoisClient({
      timeoutMs: 5000,
      maxBytes: 1000,
      hostOverride: server.host,
      port: server.port,
      perHostConcurrency: 1,
    });
    const stop = new AbortController();
    // Distinct names: the answer cache must not short-cut any of them.
    const waiting = Array.from({ length: 1 + MAX_WAITING }, (_, i) =>
      c.query('whois.nic.fr', i === 0 ? 'slow.fr' : `queued-${i}.fr`, stop.signal),
    );
    const refused = await c.query('whois.nic.fr', 'one-too-many.fr');
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'rate_limited', details: { reason: 'whois_queue', retry_after_s: 1 } },
    });
    stop.abort();
    const ends = await Promise.all(waiting);
    expect(ends.every((r) => !r.ok && r.error.code === 'upstream_timeout')).toBe(true);
    expect(server.queries).not.toContain('one-too-many.fr');
  });

  it('reads Latin-1 answers', async () => {
    const r = await client().query('whois.example', 'latin1.fr');
    expect(r.ok && r.value).toContain('Société Générale');
  });

  it('asks whois.iana.org for a TLD server, once, and knows AFNIC without asking', async () => {
    const c = client();
    const before = server.queries.length;
    expect(await c.referral('de')).toEqual({ ok: true, value: { known: true, whoisHost: 'whois.denic.de' } });
    await c.referral('de');
    expect(await c.referral('zz')).toEqual({ ok: true, value: { known: false, whoisHost: null } });
    expect(await c.referral('fr')).toEqual({ ok: true, value: { known: true, whoisHost: 'whois.nic.fr' } });
    expect(server.queries.slice(before)).toEqual(['de', 'zz']);
  });

  it('reads IANA referrals', () => {
    expect(parseIanaReferral(IANA_DE)).toEqual({ known: true, whoisHost: 'whois.denic.de' });
    expect(parseIanaReferral(IANA_NONE)).toEqual({ known: false, whoisHost: null });
    expect(parseIanaReferral('domain: XYZ\nstatus: ACTIVE\n')).toEqual({ known: true, whoisHost: null });
  });
});

describe('WHOIS SSRF guard (no WHOIS_HOST override): referral hosts are third-party data', () => {
  // The canary plays an internal service on the WHOIS port of another loopback address; it must see
  // no connection at all. The fake IANA server is the one above, on 127.0.0.1 and the same port.
  let canary: Server;
  let connections = 0;
  beforeAll(async () => {
    canary = createServer((socket) => {
      connections += 1;
      socket.end('internal secret\n');
    });
    await new Promise<void>((resolve) => canary.listen(server.port, '127.0.0.2', resolve));
  });
  afterAll(async () => {
    expect(connections).toBe(0);
    await new Promise((resolve) => canary.close(resolve));
  });

  const guarded = () =>
    createWhoisClient({
      timeoutMs: 2000,
      maxBytes: 64_000,
      port: server.port,
      guard: {
        allowHosts: ['whois.iana.org'],
        resolver: async (host) => {
          if (host === 'whois.iana.org') return [{ address: '127.0.0.1', family: 4 }];
          if (host === 'whois.internal.example') return [{ address: '127.0.0.2', family: 4 }];
          throw Object.assign(new Error('no such host'), { code: 'ENOTFOUND' });
        },
      },
    });

  it.each(['127.0.0.2', '::ffff:127.0.0.2'])(
    'refuses a referral to the address %s without connecting',
    async (host) => {
      const r = await createWhoisClient({ timeoutMs: 1000, maxBytes: 1000, port: server.port }).query(
        host,
        'victim.evil',
      );
      expect(r).toMatchObject({
        ok: false,
        error: { code: 'forbidden_target', details: { reason: 'address' } },
      });
    },
  );

  it('follows IANA to the referred host, resolves it, and refuses its private address', async () => {
    const client = guarded();
    const referral = await client.referral('evil');
    expect(referral).toEqual({ ok: true, value: { known: true, whoisHost: 'whois.internal.example' } });
    const r = await client.query('whois.internal.example', 'victim.evil');
    expect(r).toMatchObject({
      ok: false,
      error: {
        code: 'forbidden_target',
        details: { reason: 'address', address: '127.0.0.2', range: 'loopback' },
      },
    });
    expect(server.queries).not.toContain('victim.evil');
  });
});
