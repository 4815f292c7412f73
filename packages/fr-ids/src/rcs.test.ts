import { describe, expect, it } from 'vitest';
import { formatRcs, parseRcs } from './rcs.js';

describe('parseRcs', () => {
  it('reads city, letter and number', () => {
    expect(parseRcs('RCS Evry B 798 905 758')).toEqual({
      ok: true,
      value: { city: 'Evry', letter: 'B', siren: '798905758', siret: null },
    });
  });

  it('reads the dotted R.C.S. form without a letter', () => {
    expect(parseRcs('R.C.S. Paris 552 081 317')).toEqual({
      ok: true,
      value: { city: 'Paris', letter: null, siren: '552081317', siret: null },
    });
  });

  it('keeps multi-word towns and a SIRET written in place of the SIREN (T01, OVH)', () => {
    expect(parseRcs('RCS Lille Métropole 424 761 419 00045')).toEqual({
      ok: true,
      value: { city: 'Lille Métropole', letter: null, siren: '424761419', siret: '42476141900045' },
    });
  });

  it('reads "RCS de <ville> sous le numéro SIRET …" (P03)', () => {
    expect(parseRcs('RCS de Bordeaux sous le numéro SIRET 750 855 819 00025')).toMatchObject({
      ok: true,
      value: { city: 'Bordeaux', siren: '750855819', siret: '75085581900025' },
    });
  });

  it('reads the number-first form', () => {
    expect(parseRcs('552 081 317 RCS Paris')).toMatchObject({
      ok: true,
      value: { city: 'Paris', siren: '552081317' },
    });
  });

  it('says why a mention is refused', () => {
    expect(parseRcs('')).toMatchObject({ ok: false, error: { reason: 'empty' } });
    expect(parseRcs('RCS 819 989 971')).toMatchObject({ ok: false, error: { reason: 'format' } });
    expect(parseRcs('RCS Paris 552 081 318')).toMatchObject({ ok: false, error: { reason: 'luhn' } });
    expect(parseRcs('Paris')).toMatchObject({ ok: false, error: { reason: 'format' } });
  });
});

describe('formatRcs', () => {
  it('writes the canonical mention', () => {
    expect(formatRcs({ city: 'Paris', letter: 'B', siren: '552081317' })).toBe('RCS Paris B 552 081 317');
    expect(formatRcs({ city: 'Evry', letter: null, siren: '798905758' })).toBe('RCS Evry 798 905 758');
  });
});
