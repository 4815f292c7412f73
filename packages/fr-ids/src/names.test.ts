import { describe, expect, it } from 'vitest';
import { foldName, LEGAL_FORM_WORDS, nameWords, withoutLegalForms } from './names.js';

describe('foldName', () => {
  it('lower-cases, takes accents off and turns every run of other characters into one space', () => {
    expect(foldName("L'Été Crème & Cie")).toBe('l ete creme cie');
    expect(foldName("SARL L'Épicerie d'Alphonse")).toBe('sarl l epicerie d alphonse');
    expect(foldName('  --Électricité de France (EDF)--  ')).toBe('electricite de france edf');
    expect(foldName('')).toBe('');
  });

  it('keeps legal forms: dropping them is a separate choice', () => {
    expect(foldName('Acme SAS')).toBe('acme sas');
  });
});

describe('nameWords', () => {
  it('splits the folded name, leaving out the words asked', () => {
    expect(nameWords('Acme Industries SAS')).toEqual(['acme', 'industries', 'sas']);
    expect(nameWords('Acme Industries SAS', LEGAL_FORM_WORDS)).toEqual(['acme', 'industries']);
    expect(nameWords('  ', LEGAL_FORM_WORDS)).toEqual([]);
  });
});

describe('withoutLegalForms', () => {
  it('drops French and foreign legal forms and "société"-like words, as whole words only', () => {
    expect(withoutLegalForms('Éditions les Crocos SAS')).toBe('editions les crocos');
    expect(withoutLegalForms('Société Générale')).toBe('generale');
    expect(withoutLegalForms('Éts Martin & Fils SARL')).toBe('martin fils');
    expect(withoutLegalForms('Audiense Ltd')).toBe('audiense');
    expect(withoutLegalForms('Sasha Sarlat')).toBe('sasha sarlat');
    expect(withoutLegalForms('SAS')).toBe('');
  });

  it('holds every legal form folded, so folded text finds them', () => {
    for (const word of LEGAL_FORM_WORDS) expect(foldName(word)).toBe(word);
  });
});
