import { describe, expect, it } from 'vitest';
import { foldName, sameCompanyName } from './names.js';

describe('company names', () => {
  it('fold accents, case and punctuation', () => {
    expect(foldName('Électricité  de France, S.A.')).toBe('electricite de france s a');
  });

  it('match across legal forms and word-for-word containment', () => {
    expect(sameCompanyName('ACME SAS', 'Acme')).toBe(true);
    expect(sameCompanyName('Société Acme France', 'ACME FRANCE')).toBe(true);
    expect(sameCompanyName('Le Monde', 'Société éditrice du Monde')).toBe(false);
  });

  it('never match on legal-form words alone or on part of a word', () => {
    expect(sameCompanyName('SAS', 'SARL')).toBe(false);
    expect(sameCompanyName('Acme', 'Acmeco')).toBe(false);
  });
});
