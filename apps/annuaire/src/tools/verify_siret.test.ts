import { toolErrorOf } from '@mcp/core/testing';
import { describe, expect, it } from 'vitest';
import { sc, useReplayHarness } from '../testing/fixtures.js';

const env = useReplayHarness();

describe('verify_siret', () => {
  it('confirms an existing but closed establishment and names its company', async () => {
    const out = sc(await env.h.call('verify_siret', { id: '880 878 145 00015' }));
    expect(out).toMatchObject({
      kind: 'siret',
      normalized: '88087814500015',
      formatted: '880 878 145 00015',
      valid: true,
      luhn_valid: true,
      checked_register: true,
      exists: true,
      company_name: 'GANYMEDE',
      company_state: 'closed',
      vat_number_computed: 'FR09880878145',
      establishment: { siret: '88087814500015', state: 'closed', address: '128 RUE LA BOETIE 75008 PARIS 8' },
    });
    expect(out.verdict).toContain('closed establishment of GANYMEDE');
  });

  it('confirms La Poste by SIREN', async () => {
    const out = sc(await env.h.call('verify_siret', { id: '356.000.000' }));
    expect(out).toMatchObject({
      kind: 'siren',
      exists: true,
      company_name: 'LA POSTE',
      company_state: 'active',
    });
    expect(out.establishment).toMatchObject({ siret: '35600000000048', is_head_office: true });
  });

  it('accepts La Poste SIRETs by Luhn or by the digit-sum rule, without the API when asked', async () => {
    const hq = sc(await env.h.call('verify_siret', { id: '35600000000048', check_register: false }));
    expect(hq).toMatchObject({ valid: true, luhn_valid: true, la_poste_exception: false, exists: null });
    const office = sc(await env.h.call('verify_siret', { id: '356 000 000 49837', check_register: false }));
    expect(office).toMatchObject({ valid: true, luhn_valid: false, la_poste_exception: true });
    expect(env.upstream.requests).toHaveLength(0);
  });

  it('answers a checksum failure at once, without calling the API', async () => {
    const out = sc(await env.h.call('verify_siret', { id: '35600000000049' }));
    expect(out).toMatchObject({ valid: false, luhn_valid: false, checked_register: false, exists: null });
    expect(out.reason).toContain('Luhn');
    const siren = sc(await env.h.call('verify_siret', { id: '880878146' }));
    expect(siren).toMatchObject({ valid: false, reason: 'SIREN 880878146 fails the Luhn checksum' });
    expect(env.upstream.requests).toHaveLength(0);
  });

  it('refuses what is not a 9- or 14-digit number as invalid_input naming the field', async () => {
    const res = await env.h.call('verify_siret', { id: '356 000 00' });
    expect(toolErrorOf(res)).toMatchObject({
      code: 'invalid_input',
      details: { fields: ['id'], reason: 'length' },
    });
    expect(JSON.stringify(toolErrorOf(res))).toContain('got 8');
    const letters = await env.h.call('verify_siret', { id: '356 OOO OOO' });
    expect(toolErrorOf(letters)).toMatchObject({ code: 'invalid_input', details: { reason: 'non_digit' } });
    const foreign = await env.h.call('verify_siret', { id: 'DE 123456789' });
    expect(toolErrorOf(foreign)).toMatchObject({
      code: 'invalid_input',
      details: { fields: ['id'], reason: 'prefix' },
    });
    const short = await env.h.call('verify_siret', { id: 'FR39 356 000' });
    expect(toolErrorOf(short)).toMatchObject({ code: 'invalid_input', details: { reason: 'length' } });
    expect(env.upstream.requests).toHaveLength(0);
  });

  it('says a well-formed number is not in the register', async () => {
    const out = sc(await env.h.call('verify_siret', { id: '552081317' }));
    expect(out).toMatchObject({ valid: true, checked_register: true, exists: false, company_name: null });
  });

  it('maps a French TVA number to its SIREN and checks the company in the register', async () => {
    const out = sc(await env.h.call('verify_siret', { id: 'fr 39 356 000 000' }));
    expect(out).toMatchObject({
      kind: 'tva',
      normalized: 'FR39356000000',
      formatted: 'FR 39 356 000 000',
      siren: '356000000',
      valid: true,
      checked_register: true,
      exists: true,
      company_name: 'LA POSTE',
      company_state: 'active',
      vat_number_computed: 'FR39356000000',
      // The recording predates the API's `tva` member.
      vat_numbers_registered: [],
    });
    expect(out.establishment).toMatchObject({ siret: '35600000000048', is_head_office: true });
  });

  it('answers a TVA number with a wrong key at once, naming the expected key', async () => {
    const out = sc(await env.h.call('verify_siret', { id: 'FR40356000000' }));
    expect(out).toMatchObject({ kind: 'tva', siren: '356000000', valid: false, checked_register: false });
    expect(out.reason).toContain('expected 39');
    expect(env.upstream.requests).toHaveLength(0);
  });
});
