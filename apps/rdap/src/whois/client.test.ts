import { readFixtureText, startWhoisServer, type WhoisTestServer } from '@mcp/core/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWhoisClient, parseIanaReferral } from './client.js';

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

let server: WhoisTestServer;
beforeAll(async () => {
  server = await startWhoisServer((q) => {
    if (q === 'google.fr') return readFixtureText('rdap', 'whois_fr_google.fr.txt');
    if (q === 'de') return IANA_DE;
    if (q === 'zz') return IANA_NONE;
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
