import { describe, expect, it } from 'vitest';
import { parseIdentifier } from './identify.js';
import { isValidRna, parseRna } from './rna.js';

describe('parseRna', () => {
  it('reads W + 9 digits (N06, We Love Speed)', () => {
    expect(parseRna('W691095013')).toEqual({ ok: true, value: 'W691095013' });
    expect(parseRna('w 691 095 013')).toEqual({ ok: true, value: 'W691095013' });
  });
  it('says why a value is refused', () => {
    expect(parseRna('691095013')).toMatchObject({ ok: false, error: { reason: 'prefix' } });
    expect(parseRna('W69109501')).toMatchObject({ ok: false, error: { reason: 'length' } });
    expect(parseRna('W69109501X')).toMatchObject({ ok: false, error: { reason: 'non_digit' } });
    expect(isValidRna('')).toBe(false);
  });
});

describe('parseIdentifier', () => {
  it('types each kind from its shape', () => {
    expect(parseIdentifier('552 081 317')).toEqual({
      ok: true,
      value: { type: 'siren', normalized: '552081317', siren: '552081317' },
    });
    expect(parseIdentifier('356 000 000 49837')).toEqual({
      ok: true,
      value: { type: 'siret', normalized: '35600000049837', siren: '356000000' },
    });
    expect(parseIdentifier('FR 03 552 081 317')).toEqual({
      ok: true,
      value: { type: 'tva', normalized: 'FR03552081317', siren: '552081317' },
    });
    expect(parseIdentifier('W691095013')).toEqual({
      ok: true,
      value: { type: 'rna', normalized: 'W691095013', siren: null },
    });
  });
  it('says why a value is refused', () => {
    expect(parseIdentifier('12345')).toMatchObject({ ok: false, error: { reason: 'length' } });
    expect(parseIdentifier('hello')).toMatchObject({ ok: false });
    expect(parseIdentifier('55208131')).toMatchObject({ ok: false, error: { reason: 'length' } });
  });
});
