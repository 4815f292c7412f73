import { describe, expect, it } from 'vitest';
import { formatTva, isValidTva, parseTva, tvaFromSiren, tvaKey } from './tva.js';

describe('tvaKey', () => {
  it('computes (12 + 3 × (SIREN mod 97)) mod 97', () => {
    expect(tvaKey('552081317')).toBe('03'); // EDF
    expect(tvaKey('819989971')).toBe('67');
    expect(tvaKey('877773689')).toBe('96');
    expect(tvaKey('898008438')).toBe('94');
    expect(tvaKey('424761419')).toBe('22');
  });
  it('builds the full number from a SIREN', () => {
    expect(tvaFromSiren('552 081 317')).toBe('FR03552081317');
    expect(tvaFromSiren('552081318')).toBeNull();
  });
});

describe('parseTva', () => {
  it.each([
    ['FR 03 552 081 317', 'FR03552081317'],
    ['fr03552081317', 'FR03552081317'],
    ['FR67 819989971', 'FR67819989971'],
    ['FR96 877 773 689', 'FR96877773689'],
    ['FR 94898008438', 'FR94898008438'],
    ['FR 22 424 761 419', 'FR22424761419'],
  ])('reads %s', (written, tva) => {
    const res = parseTva(written);
    expect(res).toMatchObject({ ok: true, value: { tva, siren: tva.slice(4), key: tva.slice(2, 4) } });
  });

  it('refuses a wrong key and says which one was expected', () => {
    expect(parseTva('FR04552081317')).toMatchObject({
      ok: false,
      error: {
        reason: 'key',
        message: 'TVA number FR04552081317 has key 04, expected 03 for SIREN 552081317',
      },
    });
  });

  it('refuses foreign VAT numbers', () => {
    expect(parseTva('DE123456789')).toMatchObject({ ok: false, error: { reason: 'prefix' } });
    expect(parseTva('BE0123456749')).toMatchObject({ ok: false, error: { reason: 'prefix' } });
  });

  it('refuses a bad SIREN part and a wrong length', () => {
    expect(parseTva('FR03552081318')).toMatchObject({ ok: false, error: { reason: 'luhn' } });
    expect(parseTva('FR0355208131')).toMatchObject({ ok: false, error: { reason: 'length' } });
    expect(isValidTva('')).toBe(false);
  });
});

describe('formatTva', () => {
  it('writes FR key and the SIREN by threes', () => {
    expect(formatTva('FR03552081317')).toBe('FR 03 552 081 317');
    expect(formatTva('fr 03552081317')).toBe('FR 03 552 081 317');
  });
});
