import { describe, expect, it } from 'vitest';
import {
  COMPANY_CATEGORIES,
  DEPARTMENTS,
  HEADCOUNT_BAND_CODES,
  HEADCOUNT_BANDS,
  headcountLabel,
  LEGAL_FORMS,
  legalFormLabel,
  NAF_REV2,
  NAF_SECTIONS,
  nafLabel,
  nafSectionLabel,
  normalizeNafCode,
  REGION_OF_DEPARTMENT,
  REGIONS,
  regionName,
} from './index.js';

describe('shipped code tables', () => {
  it('hold every NAF rév. 2 sub-class and the 21 sections', () => {
    expect(Object.keys(NAF_REV2)).toHaveLength(732);
    expect(Object.keys(NAF_SECTIONS)).toEqual('ABCDEFGHIJKLMNOPQRSTU'.split(''));
    expect(nafLabel('53.10Z')).toBe('Activités de poste dans le cadre d’une obligation de service universel');
    expect(nafLabel('62.02A')).toBe('Conseil en systèmes et logiciels informatiques');
    expect(nafSectionLabel('H')).toBe('Transports et entreposage');
  });

  it('labels NAF 2025 codes the API already returns', () => {
    expect(nafLabel('53.10Y')).not.toBeNull();
  });

  it('hold the catégories juridiques niveau III', () => {
    expect(Object.keys(LEGAL_FORMS).length).toBe(260);
    expect(legalFormLabel('5710')).toBe('SAS, société par actions simplifiée');
    expect(legalFormLabel('5499')).toBe('Société à responsabilité limitée (sans autre indication)');
    expect(legalFormLabel('5599')).toBe("SA à conseil d'administration (s.a.i.)");
    expect(legalFormLabel('1000')).toBe('Entrepreneur individuel');
    expect(legalFormLabel('9220')).toBe('Association déclarée');
    expect(legalFormLabel('5510')).toBe("SA nationale à conseil d'administration");
  });

  it('hold the 16 headcount bands and 3 company categories', () => {
    expect(HEADCOUNT_BAND_CODES).toHaveLength(16);
    expect(Object.keys(HEADCOUNT_BANDS).sort()).toEqual([...HEADCOUNT_BAND_CODES].sort());
    expect(headcountLabel('53')).toBe('10 000 salariés et plus');
    expect(headcountLabel('01')).toBe('1 ou 2 salariés');
    expect(COMPANY_CATEGORIES).toEqual({
      PME: 'Petite ou Moyenne Entreprise',
      ETI: 'Entreprise de Taille Intermédiaire',
      GE: 'Grande Entreprise',
    });
  });

  it('hold départements and régions, each département in a région', () => {
    expect(DEPARTMENTS['35']).toBe('Ille-et-Vilaine');
    expect(DEPARTMENTS['2A']).toBe('Corse-du-Sud');
    expect(regionName('11')).toBe('Île-de-France');
    expect(Object.keys(REGIONS)).toHaveLength(18);
    expect(REGION_OF_DEPARTMENT['35']).toBe('53');
  });

  it('answer null for unknown codes instead of guessing', () => {
    expect(nafLabel('99.99Q')).toBeNull();
    expect(legalFormLabel('0001')).toBeNull();
    expect(headcountLabel('99')).toBeNull();
    expect(nafLabel(null)).toBeNull();
    expect(legalFormLabel('constructor')).toBeNull();
  });

  it('normalize NAF codes written without the dot or in lower case', () => {
    expect(normalizeNafCode('6202a')).toBe('62.02A');
    expect(normalizeNafCode(' 62.02 A ')).toBe('62.02A');
    expect(normalizeNafCode('62')).toBeNull();
  });
});
