import { describe, expect, it } from 'vitest';
import {
  formatSiret,
  parseIdentifier,
  parseRcs,
  parseRna,
  parseSiren,
  parseSiret,
  parseTva,
} from './index.js';

describe('the README examples hold', () => {
  it('answers as documented', () => {
    expect(parseSiren('819 989 971')).toEqual({ ok: true, value: '819989971' });
    expect(parseSiren('819989972')).toEqual({
      ok: false,
      error: { reason: 'luhn', message: 'SIREN 819989972 fails the Luhn checksum' },
    });
    expect(parseSiret('356 000 000 49837')).toEqual({
      ok: true,
      value: { siret: '35600000049837', siren: '356000000', nic: '49837' },
    });
    expect(parseTva('FR 03 552 081 317')).toEqual({
      ok: true,
      value: { tva: 'FR03552081317', key: '03', siren: '552081317' },
    });
    expect(parseRcs('RCS Paris B 552 081 317')).toEqual({
      ok: true,
      value: { city: 'Paris', letter: 'B', siren: '552081317', siret: null },
    });
    expect(parseRna('W691095013')).toEqual({ ok: true, value: 'W691095013' });
    expect(parseIdentifier('55208131766522')).toEqual({
      ok: true,
      value: { type: 'siret', normalized: '55208131766522', siren: '552081317' },
    });
    expect(formatSiret('35600000000048')).toBe('356 000 000 00048');
  });
});
