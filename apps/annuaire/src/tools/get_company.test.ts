import { toolErrorOf } from '@mcp/core/testing';
import { describe, expect, it } from 'vitest';
import { harness, sc, useReplayHarness } from '../testing/fixtures.js';

const env = useReplayHarness();

describe('get_company', () => {
  it('returns La Poste from "356 000 000", with VAT number, labels and links', async () => {
    const res = await env.h.call('get_company', { siren: '356 000 000' });
    expect(res.isError).toBeUndefined();
    const c = sc(res);
    expect(env.upstream.requests[0]?.query.get('q')).toBe('356000000');
    expect(c).toMatchObject({
      siren: '356000000',
      name: 'LA POSTE',
      state: 'active',
      vat_number_computed: 'FR39356000000',
      legal_form: { code: '5510', label: "SA nationale à conseil d'administration" },
      activity: { naf_code: '53.10Z', section: 'H', section_label: 'Transports et entreposage' },
      headcount: { band: '53', label: '10 000 salariés et plus' },
      category: { code: 'GE', label: 'Grande Entreprise' },
      establishments: { total: 13117, open: 9085 },
      finances: { latest: { year: 2024, revenue: 34569000000, net_result: 1722000000 } },
      links: { inpi: 'https://data.inpi.fr/entreprises/356000000' },
    });
    expect(c.head_office).toMatchObject({ siret: '35600000000048', latitude: 48.831515159 });
    expect(c.officers).toHaveLength(23);
  });

  it('returns a closed company as closed, with its closing date', async () => {
    const c = sc(await env.h.call('get_company', { siren: '880878145' }));
    expect(c).toMatchObject({ name: 'GANYMEDE', state: 'closed', closed_on: '2022-10-22' });
    expect(c.registration).toMatchObject({ struck_off_on: '2022-11-14', share_capital: 1000 });
  });

  it('returns the company plus the establishment asked for by SIRET', async () => {
    const c = sc(await env.h.call('get_company', { siret: '880 878 145 00015' }));
    expect(env.upstream.requests[0]?.query.get('q')).toBe('88087814500015');
    expect(c.establishment).toMatchObject({
      siret: '88087814500015',
      is_head_office: true,
      state: 'closed',
      address: '128 RUE LA BOETIE 75008 PARIS 8',
    });
  });

  it('answers not_found for a well-formed SIREN the register does not know', async () => {
    const res = await env.h.call('get_company', { siren: '552081317' });
    expect(res.isError).toBe(true);
    expect(toolErrorOf(res)).toMatchObject({ code: 'not_found', details: { siren: '552081317' } });
    expect(env.upstream.count('/search')).toBe(1);
  });

  it('refuses a malformed SIREN naming the field and the reason, without calling the API', async () => {
    const luhn = await env.h.call('get_company', { siren: '356000001' });
    expect(toolErrorOf(luhn)).toMatchObject({ code: 'invalid_input', details: { fields: ['siren'] } });
    expect(JSON.stringify(toolErrorOf(luhn))).toContain('Luhn');
    const short = await env.h.call('get_company', { siret: '3560000000004' });
    expect(JSON.stringify(toolErrorOf(short))).toContain('SIRET must have 14 digits, got 13');
    const none = await env.h.call('get_company', {});
    expect(toolErrorOf(none)).toMatchObject({ code: 'invalid_input' });
    const mismatch = await env.h.call('get_company', { siren: '356000000', siret: '88087814500015' });
    expect(toolErrorOf(mismatch)).toMatchObject({ code: 'invalid_input' });
    expect(env.upstream.requests).toHaveLength(0);
  });

  it('serves a repeat call from the cache with no upstream request', async () => {
    await env.h.call('get_company', { siren: '130025265' });
    expect(env.upstream.requests).toHaveLength(1);
    env.upstream.reset();
    const again = sc(await env.h.call('get_company', { siren: '130 025 265' }));
    expect(again.name).toBe('DIRECTION INTERMINISTERIELLE DU NUMERIQUE (DINUM)');
    expect(env.upstream.requests).toHaveLength(0);
  });

  it('shares one upstream request between identical concurrent calls', async () => {
    const fresh = harness(env.upstream.url);
    const results = await Promise.all(
      Array.from({ length: 5 }, () => fresh.call('get_company', { siren: '880878145' })),
    );
    expect(results.every((r) => !r.isError)).toBe(true);
    expect(env.upstream.requests).toHaveLength(1);
    await fresh.close();
  });
});
