import { describe, expect, it } from 'vitest';
import { callWith, useTools } from '../testing/harness.js';

const { up, call } = useTools();

describe('lookup_domain', () => {
  it('answers .fr from AFNIC through the built-in table (the 2022 bootstrap has no .fr)', async () => {
    const { isError, data } = await call('lookup_domain', {
      domain: 'https://www.LeMonde.fr/international/',
    });
    expect(isError).toBe(false);
    expect(data).toMatchObject({
      query: 'https://www.LeMonde.fr/international/',
      domain: 'lemonde.fr',
      registered: true,
      source: 'rdap',
      server: 'https://rdap.nic.fr/',
      raw_url: `${up().http.url}/domain/lemonde.fr`,
      registrar: { name: 'NAMESHIELD', iana_id: '1251' },
      registrant: {
        handle: 'SEDM254-FRNIC',
        organisation: 'SOCIETE EDITRICE DU MONDE',
        country: 'FR',
        redacted: [],
      },
      events: { expiration: '2025-06-09T22:08:09Z', transfer: '2022-06-09T22:08:09Z' },
      registrar_rdap_url: null,
    });
    const sent = up().http.requests.find((r) => r.path === '/domain/lemonde.fr');
    expect(sent?.headers.accept).toContain('application/rdap+json');
  });

  it('uses RDAP_FR_BASE_URL for .fr when set', async () => {
    const { data } = await callWith(
      { ...up().env, RDAP_FR_BASE_URL: `${up().http.url}/afnic-env` },
      'lookup_domain',
      { domain: 'lemonde.fr' },
    );
    expect(data).toMatchObject({
      server: `${up().http.url}/afnic-env/`,
      registrant: { handle: 'SEDM254-FRNIC' },
    });
  });

  it('follows Verisign’s related link to the registrar when the registry is thin, and reports redactions', async () => {
    const { data } = await call('lookup_domain', { domain: 'GOOGLE.COM.' });
    expect(data).toMatchObject({
      domain: 'google.com',
      registered: true,
      server: 'https://rdap.verisign.com/com/v1/',
      raw_url: `${up().http.url}/com/v1/domain/google.com`,
      registrar_rdap_url: 'https://rdap.markmonitor.com/rdap/domain/GOOGLE.COM',
      registrar: {
        name: 'MarkMonitor Inc.',
        iana_id: '292',
        url: null,
        abuse_email: 'abusecomplaints@markmonitor.com',
        abuse_phone: '+1.2083895740',
      },
      registrant: { handle: null, organisation: 'Google LLC', country: 'US', redacted: ['handle', 'name'] },
      admin: { organisation: 'Google LLC', redacted: [] },
      events: {
        registration: '1997-09-15T04:00:00Z',
        expiration: '2028-09-14T04:00:00Z',
        last_changed: null,
      },
      nameservers: ['ns1.google.com', 'ns2.google.com', 'ns3.google.com', 'ns4.google.com'],
      dnssec: { signed: true, ds_records: [] },
    });
  });

  it('fetches registrar links through safeFetch: a loopback target is refused, the registry data stays', async () => {
    const { SAFE_FETCH_ALLOW_HOSTS: _h, SAFE_FETCH_ALLOW_PORTS: _p, ...env } = up().env;
    const { isError, data } = await callWith(env, 'lookup_domain', { domain: 'google.com' });
    expect(isError).toBe(false);
    expect(data).toMatchObject({
      registrar_rdap_url: null,
      registrant: null,
      registrar: { name: 'MarkMonitor Inc.', abuse_email: 'abusecomplaints@markmonitor.com' },
    });
    expect(data.warnings).toEqual([
      expect.stringMatching(
        /^registrar RDAP https:\/\/rdap\.markmonitor\.com\/rdap\/domain\/GOOGLE\.COM gave nothing: /,
      ),
    ]);
  });

  it('honours Retry-After on a 429 and then answers', async () => {
    up().throttleGoogle(1, '1');
    const before = up().http.count('/com/v1/domain/google.com');
    const started = Date.now();
    const { isError, data } = await call('lookup_domain', { domain: 'google.com' });
    expect(isError).toBe(false);
    expect(data.registered).toBe(true);
    expect(up().http.count('/com/v1/domain/google.com') - before).toBe(2);
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
  });

  it('returns rate_limited with retry_after_s when Retry-After is beyond the deadline and WHOIS cannot help', async () => {
    up().throttleGoogle(1, '120');
    const { isError, error } = await call('lookup_domain', { domain: 'google.com' });
    expect(isError).toBe(true);
    expect(error?.code).toBe('rate_limited');
    expect(error?.details).toMatchObject({
      retry_after_s: 120,
      server: 'https://rdap.verisign.com/com/v1/',
    });
    expect(String(error?.details?.whois_fallback)).toContain('whois.verisign-grs.com');
    up().throttleGoogle(0, '1');
  });

  it('falls back to WHOIS (whois.nic.fr) when AFNIC RDAP fails', async () => {
    const { isError, data } = await call('lookup_domain', { domain: 'google.fr' });
    expect(isError).toBe(false);
    expect(data).toMatchObject({
      domain: 'google.fr',
      registered: true,
      source: 'whois',
      server: 'whois.nic.fr',
      raw_url: 'whois://whois.nic.fr/google.fr',
      statuses: ['active'],
      registrar: { name: 'MARKMONITOR Inc.', url: 'http://www.markmonitor.com' },
      registrant: {
        handle: 'GIH6-FRNIC',
        organisation: 'Google Ireland Holdings',
        country: 'IE',
        redacted: [],
      },
      events: { registration: '2000-07-26T22:00:00Z', expiration: '2019-12-30T17:16:48Z' },
    });
    expect((data.warnings as string[])[0]).toMatch(
      /^RDAP at https:\/\/rdap\.nic\.fr\/ failed \(upstream_http/,
    );
    expect(up().whois.queries).toContain('google.fr');
  });

  it('says not registered on an AFNIC 404, with the IDN in both spellings', async () => {
    const { data } = await call('lookup_domain', { domain: 'Café-Inexistant.fr' });
    expect(data).toMatchObject({
      domain: 'xn--caf-inexistant-dkb.fr',
      domain_unicode: 'café-inexistant.fr',
      registered: false,
      source: 'rdap',
      registrar: null,
      registrant: null,
    });
  });

  it('returns partial data for a malformed RDAP answer', async () => {
    const { isError, data } = await call('lookup_domain', { domain: 'something-not-real.com' });
    expect(isError).toBe(false);
    expect(data).toMatchObject({
      registered: true,
      statuses: ['active'],
      nameservers: ['a.share-dns.com', 'b.share-dns.net'],
      registrar: { iana_id: '1250', abuse_email: 'abuse@ownregistrar.com' },
    });
    expect((data.warnings as string[]).length).toBeGreaterThan(3);
  });

  it('answers upstream_bad_response, not a crash, when RDAP sends no JSON and WHOIS cannot help', async () => {
    const { isError, error } = await call('lookup_domain', { domain: 'garbage.com' });
    expect(isError).toBe(true);
    expect(error).toMatchObject({
      code: 'upstream_bad_response',
      details: { server: 'https://rdap.verisign.com/com/v1/' },
    });
    // A registry's address comes from the IANA bootstrap and it may redirect anywhere: its body is
    // never echoed back.
    expect(error?.details?.body).toBeUndefined();
    expect(String(error?.details?.whois_fallback)).toContain('whois.verisign-grs.com');
  });

  it('uses WHOIS via the IANA referral for TLDs without RDAP (.de)', async () => {
    const { data } = await call('lookup_domain', { domain: 'google.de' });
    expect(data).toMatchObject({
      source: 'whois',
      server: 'whois.denic.de',
      registered: true,
      statuses: ['connect'],
      nameservers: ['ns1.google.com', 'ns2.google.com'],
      events: { last_changed: '2018-03-12T21:44:25+01:00' },
    });
    expect(up().whois.queries).toContain('-T dn,ace google.de');
  });

  it('answers not_found naming a TLD unknown to IANA', async () => {
    const { isError, error } = await call('lookup_domain', { domain: 'example.zz' });
    expect(isError).toBe(true);
    expect(error).toMatchObject({ code: 'not_found', details: { tld: 'zz' } });
    expect(error?.message).toContain('.zz');
  });

  it.each([
    ['le monde.fr', 'spaces'],
    ['lemonde..fr', '".."'],
    [`${'a'.repeat(300)}.fr`, '253'],
    ['contact@lemonde.fr', 'e-mail'],
  ])('rejects %s as invalid_input naming the field', async (domain, why) => {
    const { isError, error } = await call('lookup_domain', { domain });
    expect(isError).toBe(true);
    expect(error).toMatchObject({ code: 'invalid_input', details: { fields: ['domain'] } });
    expect(error?.message).toContain(why);
  });
});
