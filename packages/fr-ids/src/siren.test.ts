import { describe, expect, it } from 'vitest';
import { luhnValid } from './luhn.js';
import { formatSiren, isValidSiren, parseSiren } from './siren.js';

// Publisher SIRENs of the recorded legal pages in fixtures/siret/expected.json.
const REAL_SIRENS = [
  '819989971',
  '750855819',
  '801198094',
  '829036193',
  '792334229',
  '792410953',
  '524082740',
  '532273398',
  '877773689',
  '898008438',
  '985400944',
  '798905758',
  '424761419',
  '356000000',
  '552081317',
];

describe('parseSiren', () => {
  it.each(REAL_SIRENS)('accepts the real SIREN %s', (siren) => {
    expect(parseSiren(siren)).toEqual({ ok: true, value: siren });
  });

  it('accepts spaces, dots, no-break and narrow no-break spaces', () => {
    for (const written of [
      '819 989 971',
      '819.989.971',
      '819\u00a0989\u00a0971',
      '819\u202f989\u2009971',
      ' 819-989-971 ',
    ]) {
      expect(parseSiren(written)).toEqual({ ok: true, value: '819989971' });
    }
  });

  it('says why a value is refused', () => {
    expect(parseSiren('')).toMatchObject({ ok: false, error: { reason: 'empty' } });
    expect(parseSiren('81998997')).toMatchObject({
      ok: false,
      error: { reason: 'length', message: 'SIREN must have 9 digits, got 8' },
    });
    expect(parseSiren('81998997A')).toMatchObject({ ok: false, error: { reason: 'non_digit' } });
    expect(parseSiren('819989972')).toMatchObject({
      ok: false,
      error: { reason: 'luhn', message: 'SIREN 819989972 fails the Luhn checksum' },
    });
  });

  it('refuses template fillers even when they pass Luhn', () => {
    expect(luhnValid('000000000')).toBe(true);
    expect(parseSiren('000 000 000')).toMatchObject({ ok: false, error: { reason: 'placeholder' } });
    expect(parseSiren('123456789')).toMatchObject({ ok: false, error: { reason: 'placeholder' } });
  });

  it('cannot tell a phone number from a SIREN on digits alone (P24 trap)', () => {
    // +33 (0)6 79 70 95 27 → 679709527 passes Luhn: context must decide, which the extractor does.
    expect(isValidSiren('679709527')).toBe(true);
  });

  it('refuses the digits of an RNA number (N06 trap)', () => {
    expect(isValidSiren('691095013')).toBe(false);
  });
});

describe('formatSiren', () => {
  it('groups by three', () => {
    expect(formatSiren('356000000')).toBe('356 000 000');
    expect(formatSiren('356.000.000')).toBe('356 000 000');
  });
  it('returns other input unchanged', () => {
    expect(formatSiren('12345')).toBe('12345');
  });
});
