import { readFixtureJson, readFixtureText } from '@mcp/core/testing';
import { describe, expect, it } from 'vitest';
import type { Extraction } from './answer.js';
import { extractFromHtml, extractFromText } from './index.js';
import { completeTruncatedRcs, sirenFromTvaSiretBody } from './recovery.js';

/*
 * Recovery of garbled identifiers. The pages below are HAND-MADE VARIANTS of the recorded fixtures
 * (fixtures/siret, never edited): one identifier rewritten the way careless notices write it, the rest
 * of the recorded page unchanged.
 */
const P01 = readFixtureText('siret', 'P01_incaya-website.md');
const P11 = readFixtureText('siret', 'P11_8digriz-fr.html');
const variant = (page: string, from: string, to: string): string => {
  if (!page.includes(from)) throw new Error(`variant: "${from}" not in the recorded page`);
  return page.replace(from, to);
};
const recovered = (r: Extraction) => r.candidates.filter((c) => c.recovered);

describe('recovery rules', () => {
  it('tva_siret_body: the TVA key must match the SIREN inside a 14-digit body that passes Luhn', () => {
    expect(sirenFromTvaSiretBody('67', '81998997100018')).toBe('819989971');
    expect(sirenFromTvaSiretBody('68', '81998997100018')).toBeNull(); // wrong key
    expect(sirenFromTvaSiretBody('67', '81998997100019')).toBeNull(); // SIRET fails Luhn
  });

  it('rcs_truncated: completes only from exactly one SIREN stated on the page', () => {
    expect(completeTruncatedRcs('19989971', new Set(['819989971']))).toBe('819989971');
    expect(completeTruncatedRcs('989971', new Set(['819989971', '552081317']))).toBe('819989971');
    expect(completeTruncatedRcs('19989971', new Set())).toBeNull();
    expect(completeTruncatedRcs('0000001', new Set(['100000001', '200000001']))).toBeNull(); // ambiguous
    expect(completeTruncatedRcs('1', new Set(['819989971']))).toBeNull(); // too short to mean anything
  });
});

describe('garbled identifiers on hand-made variants of the recorded pages', () => {
  it('P01 variant: lowercase "fr" TVA whose body is the full SIRET → the SIREN, recovered', () => {
    const page = variant(
      variant(variant(P01, 'FR67 819989971', 'fr67 81998997100018'), '- **SIRET** : 819 989 971 00018\n', ''),
      '- **RCS** : 819 989 971  \n',
      '',
    );
    const r = extractFromText(page, 'https://example.test/mentions-legales');
    expect(r.siren).toBe('819989971');
    expect(r.tva).toBe('FR67819989971');
    expect(recovered(r)).toMatchObject([
      {
        type: 'tva',
        value: 'fr67 81998997100018',
        siren: '819989971',
        valid: true,
        recovery_rule: 'tva_siret_body',
      },
    ]);
    // Known only through a recovered identifier: lower than the recorded page, and at most 0.6.
    const clean = extractFromText(P01, 'https://example.test/mentions-legales');
    expect(r.confidence).toBeLessThan(clean.confidence);
    expect(r.confidence).toBeLessThanOrEqual(0.6);
    expect(r.notes.some((n) => n.includes('recovered') && n.includes('tva_siret_body'))).toBe(true);
  });

  it('P01 variant: an RCS missing its first digit is completed from the SIRET the page states', () => {
    const page = variant(P01, '- **RCS** : 819 989 971', '- **RCS** : 19 989 971');
    const r = extractFromText(page, 'https://example.test/mentions-legales');
    expect(r.siren).toBe('819989971');
    expect(recovered(r)).toMatchObject([
      { type: 'rcs', normalized: '819989971', siren: '819989971', recovery_rule: 'rcs_truncated' },
    ]);
  });

  it('P01 variant: a truncated RCS alone pins nothing down, so nothing is invented', () => {
    const page = variant(
      variant(
        variant(P01, '- **RCS** : 819 989 971', '- **RCS** : 19 989 971'),
        '- **SIRET** : 819 989 971 00018\n',
        '',
      ),
      '- **N° de TVA** intracommunautaire : FR67 819989971',
      '',
    );
    const r = extractFromText(page, 'https://example.test/mentions-legales');
    expect(r.siren).toBeNull();
    expect(recovered(r)).toEqual([]);
  });

  it('P11 variant: a SIREN written digit by digit after its label is read, recovered', () => {
    const page = variant(
      variant(
        variant(P11, '<td>877 773 689</td>', '<td>8 7 7 7 7 3 6 8 9</td>'),
        '<td>877 773 689 00030</td>',
        '<td>—</td>',
      ),
      'FR96 877 773 689',
      '—',
    );
    const r = extractFromHtml(page, 'https://example.test/mentions-legales.html');
    expect(r.siren).toBe('877773689');
    expect(recovered(r)).toMatchObject([
      { type: 'siren', normalized: '877773689', recovery_rule: 'odd_spacing' },
    ]);
  });

  it('P11 variant: a SIRET split 3-3-8 is read, recovered, and agrees with the stated SIREN', () => {
    const page = variant(P11, '<td>877 773 689 00030</td>', '<td>877 773 68900030</td>');
    const r = extractFromHtml(page, 'https://example.test/mentions-legales.html');
    expect(r.siren).toBe('877773689');
    expect(r.siret).toBe('87777368900030');
    expect(recovered(r)).toMatchObject([{ type: 'siret', recovery_rule: 'odd_spacing' }]);
  });

  it('odd spacing is read only after a SIREN/SIRET/RCS label and only when the checksum passes', () => {
    expect(recovered(extractFromText('Appelez le 8 7 7 7 7 3 6 8 9', null))).toEqual([]);
    expect(recovered(extractFromText('SIREN : 8 7 7 7 7 3 6 8 8', null))).toEqual([]);
    expect(recovered(extractFromText('N° TVA : fr68 87777368900030', null))).toEqual([]);
  });
});

describe('no recovery on the recorded pages', () => {
  const expected = readFixtureJson<Array<{ id: string; file: string; category: string }>>(
    'siret',
    'expected.json',
  );
  it.each(expected)('$id: recovers nothing, and negative pages still give no SIREN', ({ file, category }) => {
    const name = file.replace(/^siret\//, '');
    const body = readFixtureText('siret', name);
    const r = name.endsWith('.html') ? extractFromHtml(body, null) : extractFromText(body, null);
    expect(recovered(r)).toEqual([]);
    if (category === 'negative') expect(r.siren).toBeNull();
  });
});
