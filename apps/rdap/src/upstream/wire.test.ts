import { readFixtureJson } from '@mcp/core/testing';
import { describe, expect, it } from 'vitest';
import { parseBootstrap } from './bootstrap.js';
import { parseRdapObject } from './wire.js';

describe('RDAP answers read at the client boundary', () => {
  it('reads the recorded AFNIC answer, keeping the members other readers need', () => {
    const r = parseRdapObject(readFixtureJson('rdap', 'afnic_domain_lemonde.fr.json'), 'rdap.nic.fr');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.objectClassName).toBe('domain');
    expect(r.value.status).toContain('server update prohibited');
    expect(Array.isArray(r.value.entities)).toBe(true);
  });

  it('coerces what registries vary on: a lone status, numeric event dates, string key tags', () => {
    const r = parseRdapObject(
      {
        objectClassName: 'domain',
        status: 'active',
        events: { eventAction: 'registration', eventDate: 20050802 },
        secureDNS: { delegationSigned: 'true', dsData: [{ keyTag: '12345', algorithm: 13 }] },
        startAutnum: '64500',
        unknownExtension: { anything: [1, 'x'] },
      },
      'test',
    );
    expect(r).toMatchObject({
      ok: true,
      value: {
        status: ['active'],
        events: [{ eventAction: 'registration', eventDate: '20050802' }],
        secureDNS: { delegationSigned: true, dsData: [{ keyTag: 12345, algorithm: 13, digest: null }] },
        startAutnum: 64500,
        unknownExtension: { anything: [1, 'x'] },
      },
    });
  });

  it('refuses a body that is not an RDAP object with upstream_bad_response at $', () => {
    for (const body of ['<html>', 42, null, [{ objectClassName: 'domain' }, 2]]) {
      expect(parseRdapObject(body, 'rdap.example')).toMatchObject({
        ok: false,
        error: { code: 'upstream_bad_response', details: { path: '$' } },
      });
    }
  });

  it('names $.services when a bootstrap file has no services list', () => {
    expect(parseBootstrap({ version: '1.0', services: 'none' }, 'dns')).toMatchObject({
      ok: false,
      error: { code: 'upstream_bad_response', details: { path: '$.services' } },
    });
    const ok = parseBootstrap(readFixtureJson('rdap', 'iana_dns.json'), 'dns');
    expect(ok.ok && ok.value.services.some((s) => s.entries.includes('com'))).toBe(true);
  });
});
