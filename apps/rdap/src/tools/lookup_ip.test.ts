import { describe, expect, it } from 'vitest';
import { useTools } from '../testing/harness.js';

const { up, call } = useTools();

describe('lookup_ip (hand-written RFC 9083 bodies, see testing/upstreams.ts)', () => {
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
      raw_url: `${up().http.url}/ip/193.51.224.1`,
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
    expect((await call('lookup_ip', { ip: 'lemonde.fr' })).error).toMatchObject({
      code: 'invalid_input',
      details: { fields: ['ip'] },
    });
    expect((await call('lookup_ip', { ip: '10.1.2.3' })).error).toMatchObject({
      code: 'not_found',
      details: { range: 'private' },
    });
    expect((await call('lookup_ip', { ip: '45.1.1.1' })).error?.code).toBe('not_found');
  });
});
