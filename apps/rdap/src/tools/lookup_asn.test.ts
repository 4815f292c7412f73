import { describe, expect, it } from 'vitest';
import { useTools } from '../testing/harness.js';

const { up, call } = useTools();

describe('lookup_asn (hand-written RFC 9083 bodies, see testing/upstreams.ts)', () => {
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
      raw_url: `${up().http.url}/autnum/64500`,
      warnings: [],
    });
    expect((await call('lookup_asn', { asn: 64500 })).data.asn).toBe(64500);
    expect((await call('lookup_asn', { asn: 'ASX' })).error).toMatchObject({
      code: 'invalid_input',
      details: { fields: ['asn'] },
    });
    expect((await call('lookup_asn', { asn: 70000 })).error?.code).toBe('not_found');
  });
});
