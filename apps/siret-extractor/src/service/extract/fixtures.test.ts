import { readFixtureJson, readFixtureText } from '@mcp/core/testing';
import { describe, expect, it } from 'vitest';
import type { Extraction } from './answer.js';
import { extractFromHtml, extractFromText } from './index.js';

interface ExpectedPage {
  id: string;
  file: string;
  category: 'positive' | 'negative' | 'trap_host_only';
  expected_site_siren: string | null;
  identifiers: Array<{ kind: string; digits: string; siren: string; role: string }>;
}

const expected = readFixtureJson<ExpectedPage[]>('siret', 'expected.json');
const page = (id: string): ExpectedPage => {
  const p = expected.find((e) => e.id === id);
  if (!p) throw new Error(`fixture ${id} missing from expected.json`);
  return p;
};
const run = (id: string): Extraction => {
  const file = page(id).file.replace(/^siret\//, '');
  const body = readFixtureText('siret', file);
  const url = `https://example.test/${file}`;
  return file.endsWith('.html') ? extractFromHtml(body, url) : extractFromText(body, url);
};
const roleOf = (r: Extraction, digits: string) =>
  r.candidates.filter((c) => c.normalized.endsWith(digits) || c.normalized === digits).map((c) => c.role);

describe('every recorded legal page in fixtures/siret', () => {
  it('covers all 13 pages of expected.json', () => {
    expect(expected.map((e) => e.id).sort()).toEqual(
      ['N01', 'N06', 'N10', 'N11', 'P01', 'P03', 'P06', 'P08', 'P11', 'P16', 'P24', 'P25', 'T01'].sort(),
    );
  });

  it('P01 Incaya (Markdown list with bold labels): SIRET, RCS and TVA of the publisher, Scaleway ignored', () => {
    const r = run('P01');
    expect(r.siren).toBe(page('P01').expected_site_siren);
    expect(r).toMatchObject({
      siren: '819989971',
      siret: '81998997100018',
      tva: 'FR67819989971',
      rcs: { number: '819989971' },
      company_name: 'INCAYA',
      reason: null,
    });
    expect(r.candidates.map((c) => [c.type, c.normalized, c.role, c.valid])).toEqual([
      ['siret', '81998997100018', 'publisher', true],
      ['rcs', '819989971', 'publisher', true],
      ['tva', 'FR67819989971', 'publisher', true],
    ]);
    expect(r.confidence).toBeGreaterThanOrEqual(0.9);
  });

  it('P03 Akema: "immatriculée au RCS de Bordeaux sous le numéro SIRET …", phone 05 56 78 72 50 ignored', () => {
    const r = run('P03');
    expect(r).toMatchObject({
      siren: page('P03').expected_site_siren,
      siret: '75085581900025',
      rcs: { city: 'Bordeaux', number: '750855819' },
      company_name: 'Akema',
    });
    expect(r.candidates).toHaveLength(1);
    expect(r.candidates[0]?.context).toContain(
      'immatriculée au RCS de Bordeaux sous le numéro SIRET 750 855 819 00025',
    );
  });

  it('P06 Cholet: publisher SIRET first, the photographer in "Crédits" is a third party, dotted +33 (0) phones ignored', () => {
    const r = run('P06');
    expect(r.siren).toBe('801198094');
    expect(r.siret).toBe('80119809400022');
    expect(roleOf(r, '80119809400022')).toEqual(['publisher']);
    expect(roleOf(r, '82903619300011')).toEqual(['third_party']);
    expect(r.candidates).toHaveLength(2);
    expect(r.co_publishers).toEqual([]);
  });

  it('P08 La Co-Fabrique: four co-editors are all publishers, top level the first', () => {
    const r = run('P08');
    const sirens = page('P08').identifiers.map((i) => i.siren);
    expect(sirens).toEqual(['792334229', '792410953', '524082740', '532273398']);
    expect(r.siren).toBe('792334229');
    expect(r.co_publishers).toEqual(['792410953', '524082740', '532273398']);
    expect(r.candidates.map((c) => [c.siren, c.role])).toEqual(sirens.map((s) => [s, 'publisher']));
    expect(r.rcs).toEqual({ city: 'Boulogne-sur-mer', number: '792334229' });
    expect(r.company_name).toBe('Applicook');
    // The four "[+33 6 …]" phones never become candidates.
    expect(r.candidates.some((c) => c.context.startsWith('+33'))).toBe(false);
  });

  it('P11 8Digriz: label and value in separate <th>/<td> cells', () => {
    const r = run('P11');
    expect(r).toMatchObject({
      siren: '877773689',
      siret: '87777368900030',
      tva: 'FR96877773689',
      rcs: { city: 'Périgueux', number: '877773689' },
      company_name: '8DIGRIZ',
    });
    expect(r.candidates.map((c) => c.type)).toEqual(['siren', 'siret', 'tva']);
    expect(r.candidates.every((c) => c.role === 'publisher' && c.valid)).toBe(true);
    expect(r.candidates[0]?.context).toContain('SIREN | 877 773 689');
  });

  it('P16 Les Crocos: "FR 94898008438" with a space after FR only; CGV repeat deduplicated', () => {
    const r = run('P16');
    expect(r).toMatchObject({
      siren: '898008438',
      tva: 'FR94898008438',
      rcs: { number: '898008438' },
      company_name: 'Editions les Crocos',
    });
    expect(r.candidates.map((c) => `${c.type}:${c.normalized}:${c.role}`)).toEqual([
      'rcs:898008438:publisher',
      'tva:FR94898008438:publisher',
    ]);
  });

  it('P24 Cousseau: the phone +33 (0)6 79 70 95 27 passes Luhn but is never a SIREN', () => {
    const r = run('P24');
    expect(r.siren).toBe('985400944');
    expect(r.siret).toBe('98540094400015');
    expect(r.candidates.map((c) => c.normalized)).toEqual(['98540094400015']);
    expect(r.candidates.some((c) => c.normalized.includes('679709527'))).toBe(false);
  });

  it('P25 Jardin Royal: "RCS Evry B 798 905 758", OVH named after it, "N° TVA : A remplir" noted', () => {
    const r = run('P25');
    expect(r).toMatchObject({ siren: '798905758', rcs: { city: 'Evry', number: '798905758' }, tva: null });
    expect(r.candidates.map((c) => c.role)).toEqual(['publisher']);
    expect(r.notes).toContain('placeholder, not an identifier: "N° TVA : A remplir"');
  });

  it('T01 Coworking Metz: only OVH (host) numbers — top level empty, candidates say host', () => {
    const r = run('T01');
    expect(page('T01').category).toBe('trap_host_only');
    expect(r).toMatchObject({ siren: null, siret: null, tva: null, rcs: null, confidence: 0 });
    expect(r.reason).toBe('no_publisher_identifier');
    expect(r.candidates.map((c) => [c.type, c.siren, c.role, c.valid])).toEqual([
      ['rcs', '424761419', 'host', true],
      ['tva', '424761419', 'host', true],
    ]);
  });

  it('N01 Clément Biron: no identifier, the glued phone 0644051593 is not one', () => {
    const r = run('N01');
    expect(r).toMatchObject({ siren: null, reason: 'no_identifier_found', candidates: [] });
  });

  it('N06 We Love Speed: RNA W691095013 is an association number, not a SIREN', () => {
    const r = run('N06');
    expect(r).toMatchObject({ siren: null, rna: 'W691095013', reason: 'no_identifier_found' });
    expect(r.candidates.map((c) => [c.type, c.normalized, c.siren])).toEqual([['rna', 'W691095013', null]]);
  });

  it('N10 LTB avocat: "<à compléter>" placeholder, phone 06 37 38 15 55 ignored', () => {
    const r = run('N10');
    expect(r).toMatchObject({ siren: null, reason: 'no_identifier_found', candidates: [] });
    expect(r.notes).toContain('placeholder, not an identifier: "SIREN : <à compléter>"');
  });

  it('N11 Au fil du tracé: "SIRET : en cours d\'immatriculation", phone 07 82 11 00 29 ignored', () => {
    const r = run('N11');
    expect(r).toMatchObject({ siren: null, reason: 'no_identifier_found', candidates: [] });
    expect(r.notes).toEqual(['placeholder, not an identifier: "SIRET : en cours d\'immatriculation"']);
  });

  it('agrees with expected_site_siren on every single-publisher page', () => {
    for (const e of expected) {
      const r = run(e.id);
      if (e.category === 'positive' && /^\d{9}$/.test(e.expected_site_siren ?? '')) {
        expect(r.siren, e.id).toBe(e.expected_site_siren);
      } else if (e.category !== 'positive') {
        expect(r.siren, e.id).toBeNull();
      }
      for (const id of e.identifiers) {
        const found = r.candidates.filter((c) => c.siren === id.siren);
        expect(found.length, `${e.id} ${id.digits}`).toBeGreaterThan(0);
        const want = id.role.startsWith('hoster')
          ? 'host'
          : id.role.startsWith('third')
            ? 'third_party'
            : 'publisher';
        expect(
          found.every((c) => c.role === want),
          `${e.id} ${id.digits} ${id.role}`,
        ).toBe(true);
      }
    }
  });
});
