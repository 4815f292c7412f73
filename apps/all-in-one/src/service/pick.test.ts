import { describe, expect, it } from 'vitest';
import { pickCompany, type Summary } from './pick.js';

const summary = (siren: string, name: string, city: string, state: Summary['state'] = 'active'): Summary => ({
  siren,
  name,
  state,
  head_office_address: `1 RUE DU PORT 35000 ${city}`,
  matching_establishments: [],
});

describe('pickCompany', () => {
  const results = [
    summary('111111111', 'BOULANGERIE MARTIN ET FILS', 'RENNES'),
    summary('222222222', 'MARTIN', 'LYON', 'closed'),
    summary('333333333', 'MARTIN', 'RENNES'),
  ];

  it('prefers the exact name in the asked city, then says why each other one fits', () => {
    const picked = pickCompany(results, 'Martin', { city: 'Rennes' });
    expect(picked?.best.siren).toBe('333333333');
    // A namesake in the asked city fits better than the exact name of a closed company elsewhere.
    expect(picked?.alternatives.map((a) => a.siren)).toEqual(['111111111', '222222222']);
    expect(picked?.alternatives[0]?.why).toEqual(['name matches', 'in 35000 RENNES', 'active']);
    expect(picked?.alternatives[1]?.why).toEqual(['name matches exactly', 'based in LYON', 'closed']);
    expect(picked?.alternatives[1]).toMatchObject({ city: 'LYON', postal_code: '35000', state: 'closed' });
  });

  it('keeps the register rank between equals and caps the alternatives at five', () => {
    const many = Array.from({ length: 9 }, (_, i) => summary(String(100000000 + i), 'ACME', 'PARIS'));
    const picked = pickCompany(many, 'acme', {});
    expect(picked?.best.siren).toBe('100000000');
    expect(picked?.alternatives).toHaveLength(5);
  });

  it('gives nothing for no result', () => {
    expect(pickCompany([], 'acme', {})).toBeNull();
  });
});
