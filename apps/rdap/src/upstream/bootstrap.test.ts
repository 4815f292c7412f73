import { ok } from '@mcp/core';
import { readFixtureJson } from '@mcp/core/testing';
import ipaddr from 'ipaddr.js';
import { describe, expect, it } from 'vitest';
import { findAsnService, findDnsService, findIpService, parseBootstrap, pickBaseUrl } from './bootstrap.js';
import { createBootstrapStore } from './bootstrap-store.js';
import { overrideFor } from './overrides.js';

const dns = () => {
  const r = parseBootstrap(readFixtureJson('rdap', 'iana_dns.json'), 'dns');
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
};

describe('IANA dns.json (2022-07-06 publication)', () => {
  it('finds the Verisign and PIR servers', () => {
    const file = dns();
    expect(file.publication).toBe('2022-07-06T16:00:02Z');
    expect(findDnsService(file, 'google.com')).toEqual({
      entry: 'com',
      baseUrl: 'https://rdap.verisign.com/com/v1/',
    });
    expect(findDnsService(file, 'wikipedia.org')?.baseUrl).toBe(
      'https://rdap.publicinterestregistry.org/rdap/',
    );
  });

  it('has no .fr (nor the AFNIC overseas TLDs, nor .de): the override table covers AFNIC', () => {
    const file = dns();
    for (const tld of ['fr', 're', 'pm', 'tf', 'wf', 'yt', 'de'])
      expect(findDnsService(file, `x.${tld}`)).toBeNull();
    expect(overrideFor('fr')).toBe('https://rdap.nic.fr/');
    expect(overrideFor('yt')).toBe('https://rdap.nic.fr/');
    expect(overrideFor('re', { frBaseUrl: 'http://127.0.0.1:9/afnic' })).toBe('http://127.0.0.1:9/afnic/');
    expect(overrideFor('de')).toBeNull();
  });

  it('rejects a file without services', () => {
    const r = parseBootstrap({ version: '1.0' }, 'dns');
    expect(r.ok || r.error.code).toBe('upstream_bad_response');
  });
});

// Small bootstrap files modelled on RFC 9224 §5 (hand-written, not recorded fixtures).
const ipv4 = {
  version: '1.0',
  services: [
    [['41.0.0.0/8'], ['https://rdap.afrinic.net/rdap/', 'http://rdap.afrinic.net/rdap/']],
    [['193.0.0.0/8', '2.0.0.0/8'], ['https://rdap.db.ripe.net/']],
    [['193.51.0.0/16'], ['https://rdap.example-nir.test/']],
  ],
};
const asn = { version: '1.0', services: [[['1-1876', '3154'], ['https://rdap.arin.net/registry/']]] };

describe('IP and ASN bootstraps', () => {
  it('takes the most specific prefix and prefers https', () => {
    const r = parseBootstrap(ipv4, 'ipv4');
    if (!r.ok) throw new Error(r.error.message);
    expect(findIpService(r.value, ipaddr.parse('193.51.24.1'))?.baseUrl).toBe(
      'https://rdap.example-nir.test/',
    );
    expect(findIpService(r.value, ipaddr.parse('193.1.2.3'))?.entry).toBe('193.0.0.0/8');
    expect(findIpService(r.value, ipaddr.parse('41.1.1.1'))?.baseUrl).toBe('https://rdap.afrinic.net/rdap/');
    expect(findIpService(r.value, ipaddr.parse('10.0.0.1'))).toBeNull();
    expect(findIpService(r.value, ipaddr.parse('2001:db8::1'))).toBeNull();
  });

  it('matches AS ranges and single numbers', () => {
    const r = parseBootstrap(asn, 'asn');
    if (!r.ok) throw new Error(r.error.message);
    expect(findAsnService(r.value, 1876)?.entry).toBe('1-1876');
    expect(findAsnService(r.value, 3154)?.baseUrl).toBe('https://rdap.arin.net/registry/');
    expect(findAsnService(r.value, 3155)).toBeNull();
  });

  it('adds the trailing slash a base URL needs', () => {
    expect(pickBaseUrl(['http://a.test/x', 'https://b.test/y'])).toBe('https://b.test/y/');
    expect(pickBaseUrl(['ftp://nope'])).toBeNull();
    expect(pickBaseUrl(['https://', 'http://ok.test'])).toBe('http://ok.test/');
  });
});

describe('bootstrap store', () => {
  it('downloads once, serves from memory for 24 h, then refreshes in the background', async () => {
    let clock = 0;
    let downloads = 0;
    const store = createBootstrapStore({
      now: () => clock,
      fetchFile: async () => {
        downloads += 1;
        return ok({ publication: `p${downloads}`, services: [[['com'], ['https://a.test/']]] });
      },
    });
    const [a, b] = await Promise.all([store.get('dns'), store.get('dns')]);
    expect(downloads).toBe(1);
    expect(a.ok && b.ok && a.value === b.value).toBe(true);
    clock = 23 * 3600_000;
    expect((await store.get('dns')).ok).toBe(true);
    expect(downloads).toBe(1);
    clock = 24 * 3600_000;
    const stale = await store.get('dns');
    expect(stale.ok && stale.value.publication).toBe('p1');
    await store.settled();
    expect(downloads).toBe(2);
    const fresh = await store.get('dns');
    expect(fresh.ok && fresh.value.publication).toBe('p2');
  });

  it('keeps the old file when a refresh fails, and retries a failed first download', async () => {
    let clock = 0;
    let fail = false;
    const store = createBootstrapStore({
      now: () => clock,
      fetchFile: async () =>
        fail
          ? { ok: false, error: { code: 'upstream_timeout', message: 'slow' } }
          : ok({ services: [[['com'], ['https://a.test/']]] }),
    });
    fail = true;
    const first = await store.get('asn');
    expect(first.ok || first.error.code).toBe('upstream_timeout');
    fail = false;
    expect((await store.get('asn')).ok).toBe(true);
    fail = true;
    clock = 25 * 3600_000;
    expect((await store.get('asn')).ok).toBe(true);
    await store.settled();
    expect((await store.get('asn')).ok).toBe(true);
  });
});
