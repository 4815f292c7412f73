import { describe, expect, it } from 'vitest';
import { companySlug, slugify } from './links.js';

describe('slugify', () => {
  it('folds accents, case and punctuation into single hyphens, none at the ends', () => {
    expect(slugify("SARL L'Épicerie d'Alphonse")).toBe('sarl-l-epicerie-d-alphonse');
    expect(slugify('  --Électricité de France (EDF)-- ')).toBe('electricite-de-france-edf');
    expect(slugify('---')).toBe('');
  });

  it('builds <name>-<siren>, or the bare SIREN when the name gives no slug', () => {
    expect(companySlug('552081317', 'Électricité de France')).toBe('electricite-de-france-552081317');
    expect(companySlug('552081317', '—')).toBe('552081317');
  });
});
