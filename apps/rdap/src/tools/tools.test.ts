import { createToolRegistry, type ToolContext } from '@mcp/core';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rdapEnvSchema } from '../config.js';
import { createRdapDeps, type RdapDeps } from '../deps.js';
import { startUpstreams, type Upstreams } from '../test-support/upstreams.js';
import { rdapTools } from './index.js';

const log = pino({ level: 'silent' });
const ctx = (): ToolContext => ({ signal: new AbortController().signal, log, progress: async () => {} });

let up: Upstreams;
let deps: RdapDeps;
let registry: ReturnType<typeof createToolRegistry>;

const call = async (name: string, args: unknown) => {
  const r = await registry.call(name, args, ctx());
  return {
    isError: r.isError === true,
    data: r.structuredContent as Record<string, unknown> & {
      error?: { code: string; message: string; details?: Record<string, unknown> };
    },
  };
};

beforeAll(async () => {
  up = await startUpstreams();
  deps = createRdapDeps(rdapEnvSchema.parse(up.env), log);
  registry = createToolRegistry(rdapTools(deps));
});
afterAll(async () => {
  await deps?.close();
  await up?.close();
});

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
      raw_url: `${up.http.url}/domain/lemonde.fr`,
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
    const sent = up.http.requests.find((r) => r.path === '/domain/lemonde.fr');
    expect(sent?.headers.accept).toContain('application/rdap+json');
  });

  it('uses RDAP_FR_BASE_URL for .fr when set', async () => {
    const own = createRdapDeps(
      rdapEnvSchema.parse({ ...up.env, RDAP_FR_BASE_URL: `${up.http.url}/afnic-env` }),
      log,
    );
    const r = await createToolRegistry(rdapTools(own)).call('lookup_domain', { domain: 'lemonde.fr' }, ctx());
    expect(r.structuredContent).toMatchObject({
      server: `${up.http.url}/afnic-env/`,
      registrant: { handle: 'SEDM254-FRNIC' },
    });
    await own.close();
  });

  it('follows Verisign’s related link to the registrar when the registry is thin, and reports redactions', async () => {
    const { data } = await call('lookup_domain', { domain: 'GOOGLE.COM.' });
    expect(data).toMatchObject({
      domain: 'google.com',
      registered: true,
      server: 'https://rdap.verisign.com/com/v1/',
      raw_url: `${up.http.url}/com/v1/domain/google.com`,
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

  it('honours Retry-After on a 429 and then answers', async () => {
    up.throttleGoogle(1, '1');
    const before = up.http.count('/com/v1/domain/google.com');
    const started = Date.now();
    const { isError, data } = await call('lookup_domain', { domain: 'google.com' });
    expect(isError).toBe(false);
    expect(data.registered).toBe(true);
    expect(up.http.count('/com/v1/domain/google.com') - before).toBe(2);
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
  });

  it('returns rate_limited with retry_after_s when Retry-After is beyond the deadline and WHOIS cannot help', async () => {
    up.throttleGoogle(1, '120');
    const { isError, data } = await call('lookup_domain', { domain: 'google.com' });
    expect(isError).toBe(true);
    expect(data.error?.code).toBe('rate_limited');
    expect(data.error?.details).toMatchObject({
      retry_after_s: 120,
      server: 'https://rdap.verisign.com/com/v1/',
    });
    expect(String(data.error?.details?.whois_fallback)).toContain('whois.verisign-grs.com');
    up.throttleGoogle(0, '1');
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
    expect(up.whois.queries).toContain('google.fr');
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
    expect(up.whois.queries).toContain('-T dn,ace google.de');
  });

  it('answers not_found naming a TLD unknown to IANA', async () => {
    const { isError, data } = await call('lookup_domain', { domain: 'example.zz' });
    expect(isError).toBe(true);
    expect(data.error).toMatchObject({ code: 'not_found', details: { tld: 'zz' } });
    expect(data.error?.message).toContain('.zz');
  });

  it.each([
    ['le monde.fr', 'spaces'],
    ['lemonde..fr', '".."'],
    [`${'a'.repeat(300)}.fr`, '253'],
    ['contact@lemonde.fr', 'e-mail'],
  ])('rejects %s as invalid_input naming the field', async (domain, why) => {
    const { isError, data } = await call('lookup_domain', { domain });
    expect(isError).toBe(true);
    expect(data.error).toMatchObject({ code: 'invalid_input', details: { field: 'domain' } });
    expect(data.error?.message).toContain(why);
  });
});

describe('check_availability', () => {
  it('tells available, registered and unknown, each with its reason, in input order', async () => {
    const { isError, data } = await call('check_availability', {
      domains: ['lemonde.fr', 'libre-exemple.fr', 'google.fr', 'panne.fr', 'example.zz', 'lemonde.fr'],
    });
    expect(isError).toBe(false);
    const results = data.results as {
      domain: string;
      status: string;
      reason: string;
      source: string | null;
    }[];
    expect(results.map((r) => [r.domain, r.status, r.source])).toEqual([
      ['lemonde.fr', 'registered', 'rdap'],
      ['libre-exemple.fr', 'available', 'rdap'],
      ['google.fr', 'registered', 'whois'],
      ['panne.fr', 'unknown', null],
      ['example.zz', 'unknown', null],
      ['lemonde.fr', 'registered', 'rdap'],
    ]);
    expect(results[1]?.reason).toContain('authoritative for .fr');
    expect(results[3]?.reason).toMatch(/^upstream_http: /);
    expect(results[4]?.reason).toContain('not_found');
    expect(data.summary).toEqual({ available: 1, registered: 3, unknown: 2 });
  });

  it('reads a WHOIS "No entries found" as available when RDAP is down', async () => {
    up.http.reset();
    const { RDAP_SERVERS_OVERRIDE_URL: _, ...env } = up.env;
    const down = createRdapDeps(
      rdapEnvSchema.parse({ ...env, RDAP_FR_BASE_URL: 'http://127.0.0.1:1/' }),
      log,
    );
    const r = await createToolRegistry(rdapTools(down)).call(
      'check_availability',
      { domains: ['available-example.fr'] },
      ctx(),
    );
    expect(r.structuredContent).toMatchObject({
      results: [
        { domain: 'available-example.fr', status: 'available', source: 'whois', server: 'whois.nic.fr' },
      ],
    });
    await down.close();
  });

  it('rejects bad entries naming each field, and more than 50 names', async () => {
    const bad = await call('check_availability', { domains: ['ok.fr', 'x y.fr', 'a@b.fr'] });
    expect(bad.data.error).toMatchObject({
      code: 'invalid_input',
      details: { fields: ['domains[1]', 'domains[2]'] },
    });
    const many = await call('check_availability', {
      domains: Array.from({ length: 51 }, (_, i) => `n${i}.fr`),
    });
    expect(many.data.error).toMatchObject({ code: 'invalid_input', details: { fields: ['domains'] } });
  });

  it('keeps at most RDAP_CONCURRENCY_PER_REGISTRY requests in flight per registry', async () => {
    let inFlight = 0;
    let peak = 0;
    const { startReplayServer } = await import('@mcp/core/testing');
    const slow = await startReplayServer([
      { path: '/rdap/dns.json', body: { services: [[['com'], ['https://rdap.verisign.com/com/v1/']]] } },
      {
        path: /^\/(com\/v1\/)?domain\//,
        handle: async (_req, res) => {
          inFlight += 1;
          peak = Math.max(peak, inFlight);
          await new Promise((r) => setTimeout(r, 60));
          inFlight -= 1;
          res.writeHead(404, { 'content-type': 'application/rdap+json' });
          res.end('{"errorCode":404}');
        },
      },
    ]);
    const env = {
      ...up.env,
      RDAP_BOOTSTRAP_URL: slow.url,
      RDAP_SERVERS_OVERRIDE_URL: slow.url,
      RDAP_CONCURRENCY_PER_REGISTRY: '2',
      RDAP_RATE_PER_SECOND: '1000',
    };
    const limited = createRdapDeps(rdapEnvSchema.parse(env), log);
    const r = await createToolRegistry(rdapTools(limited)).call(
      'check_availability',
      { domains: Array.from({ length: 8 }, (_, i) => `free-${i}.com`) },
      ctx(),
    );
    expect((r.structuredContent as { summary: unknown }).summary).toEqual({
      available: 8,
      registered: 0,
      unknown: 0,
    });
    expect(peak).toBe(2);
    await limited.close();
    await slow.close();
  });
});

describe('lookup_ip and lookup_asn (hand-written RFC 9083 bodies, see test-support/upstreams.ts)', () => {
  it('finds the RIR in the ipv4 bootstrap and normalizes the network', async () => {
    const { isError, data } = await call('lookup_ip', { ip: ' 193.51.224.1 ' });
    expect(isError).toBe(false);
    expect(data).toEqual({
      query: '193.51.224.1',
      ip_version: 'v4',
      start_address: '193.51.0.0',
      end_address: '193.51.255.255',
      cidrs: ['193.51.0.0/16'],
      parent_handle: '193.0.0.0 - 193.255.255.255',
      handle: '193.51.0.0 - 193.51.255.255',
      name: 'EXAMPLE-HOSTING-NET',
      type: 'ASSIGNED PA',
      owner: 'Example Hosting SAS',
      owner_handle: 'ORG-EH1-RIPE',
      country: 'FR',
      abuse: { name: 'Abuse desk', email: 'abuse@hosting.example', phone: '+33-1-00-00-00-00' },
      statuses: ['active'],
      events: { registration: '2001-03-05T10:00:00Z', last_changed: '2024-02-01T08:30:00Z' },
      source: 'rdap',
      server: 'https://rdap.db.ripe.net/',
      raw_url: `${up.http.url}/ip/193.51.224.1`,
      warnings: [],
    });
  });

  it('reads IPv6 and the cidr0 extension', async () => {
    const { data } = await call('lookup_ip', { ip: '2001:67c:2218::1' });
    expect(data).toMatchObject({
      ip_version: 'v6',
      cidrs: ['2001:67c:2218::/48'],
      name: 'EXAMPLE-V6',
      owner: null,
      abuse: null,
    });
  });

  it('refuses what is not an IP, and private ranges', async () => {
    expect((await call('lookup_ip', { ip: 'lemonde.fr' })).data.error).toMatchObject({
      code: 'invalid_input',
      details: { field: 'ip' },
    });
    expect((await call('lookup_ip', { ip: '10.1.2.3' })).data.error).toMatchObject({
      code: 'not_found',
      details: { range: 'private' },
    });
    expect((await call('lookup_ip', { ip: '45.1.1.1' })).data.error?.code).toBe('not_found');
  });

  it('looks up an AS in any spelling', async () => {
    const { data } = await call('lookup_asn', { asn: 'as64500' });
    expect(data).toEqual({
      query: 'AS64500',
      asn: 64500,
      start_autnum: 64500,
      end_autnum: 64500,
      handle: 'AS64500',
      name: 'EXAMPLE-AS',
      type: 'DIRECT ALLOCATION',
      owner: 'Example Transit SA',
      owner_handle: 'ORG-EX1-RIPE',
      country: 'BE',
      abuse: { name: null, email: 'noc@transit.example', phone: null },
      statuses: ['active'],
      events: { registration: null, last_changed: null },
      source: 'rdap',
      server: 'https://rdap.db.ripe.net/',
      raw_url: `${up.http.url}/autnum/64500`,
      warnings: [],
    });
    expect((await call('lookup_asn', { asn: 64500 })).data.asn).toBe(64500);
    expect((await call('lookup_asn', { asn: 'ASX' })).data.error).toMatchObject({
      code: 'invalid_input',
      details: { field: 'asn' },
    });
    expect((await call('lookup_asn', { asn: 70000 })).data.error?.code).toBe('not_found');
  });
});
