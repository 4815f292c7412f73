import { describe, expect, it } from 'vitest';
import { sameCompanyName } from './names.js';

describe('sameCompanyName', () => {
  it('matches across legal forms, accents and word-for-word containment', () => {
    expect(sameCompanyName('ACME SAS', 'Acme')).toBe(true);
    expect(sameCompanyName('Société Acmé France', 'ACME FRANCE')).toBe(true);
    expect(sameCompanyName('Le Monde', 'Société éditrice du Monde')).toBe(false);
  });

  it('never matches on legal-form words alone or on part of a word', () => {
    expect(sameCompanyName('SAS', 'SARL')).toBe(false);
    expect(sameCompanyName('Acme', 'Acmeco')).toBe(false);
  });
});
