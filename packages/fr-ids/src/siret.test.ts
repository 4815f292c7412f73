import { describe, expect, it } from 'vitest';
import { luhnValid } from './luhn.js';
import { formatSiret, isValidSiret, LA_POSTE_SIREN, parseSiret, sirenFromSiret } from './siret.js';

describe('parseSiret', () => {
  it.each([
    ['81998997100018', '819989971', '00018'],
    ['75085581900025', '750855819', '00025'],
    ['80119809400022', '801198094', '00022'],
    ['82903619300011', '829036193', '00011'],
    ['87777368900030', '877773689', '00030'],
    ['98540094400015', '985400944', '00015'],
    ['42476141900045', '424761419', '00045'],
  ])('accepts the real SIRET %s', (siret, siren, nic) => {
    expect(parseSiret(siret)).toEqual({ ok: true, value: { siret, siren, nic } });
  });

  it('accepts the written forms', () => {
    expect(parseSiret('877 773 689 00030')).toMatchObject({ ok: true, value: { siret: '87777368900030' } });
    expect(parseSiret('877\u00a0773\u00a0689\u00a000030')).toMatchObject({ ok: true });
    expect(parseSiret('877.773.689.00030')).toMatchObject({ ok: true });
  });

  it('applies the La Poste exception: Luhn or digit sum divisible by 5', () => {
    expect(LA_POSTE_SIREN).toBe('356000000');
    expect(isValidSiret('35600000000048')).toBe(true); // head office, passes Luhn
    for (const siret of ['35600000024221', '35600000049837']) {
      expect(luhnValid(siret)).toBe(false);
      expect(parseSiret(siret)).toMatchObject({ ok: true, value: { siren: '356000000' } });
    }
    expect(isValidSiret('35600000000049')).toBe(false);
  });

  it('does not extend the La Poste rule to other SIRENs', () => {
    // digit sum 8+1+9+9+8+9+9+7+1+0+0+0+2+2 = 65, divisible by 5, but Luhn fails
    expect(isValidSiret('81998997100022')).toBe(false);
  });

  it('says why a value is refused', () => {
    expect(parseSiret('8199899710001')).toMatchObject({ ok: false, error: { reason: 'length' } });
    expect(parseSiret('81998997100019')).toMatchObject({ ok: false, error: { reason: 'luhn' } });
    expect(parseSiret('8199899710001x')).toMatchObject({ ok: false, error: { reason: 'non_digit' } });
  });
});

describe('sirenFromSiret / formatSiret', () => {
  it('takes the first nine digits', () => {
    expect(sirenFromSiret('356 000 000 00048')).toBe('356000000');
    expect(sirenFromSiret('356000000')).toBeNull();
  });
  it('formats 3-3-3-5', () => {
    expect(formatSiret('35600000000048')).toBe('356 000 000 00048');
    expect(formatSiret('abc')).toBe('abc');
  });
});
