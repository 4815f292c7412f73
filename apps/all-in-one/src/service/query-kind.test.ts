import { describe, expect, it } from 'vitest';
import { classifyQuery } from './query-kind.js';

describe('classifyQuery', () => {
  it('reads a SIREN, a SIRET and a TVA number typed with spaces', () => {
    expect(classifyQuery('552 081 317')).toEqual({ kind: 'siren', siren: '552081317', siret: null });
    expect(classifyQuery('552 081 317 66522')).toMatchObject({ kind: 'siret', siren: '552081317' });
    expect(classifyQuery('FR 03 552081317')).toMatchObject({ kind: 'tva', siren: '552081317' });
  });

  it('refuses a number whose checksum fails, saying which field', () => {
    const kind = classifyQuery('552 081 318');
    expect(kind.kind).toBe('invalid');
    expect(kind).toMatchObject({ message: expect.stringMatching(/^query: /) });
  });

  it('tells a URL and a bare domain from a name', () => {
    expect(classifyQuery('https://www.example.fr/mentions-legales')).toMatchObject({
      kind: 'url',
      domain: 'example.fr',
    });
    expect(classifyQuery('shop.example.co.uk')).toMatchObject({ kind: 'domain', domain: 'example.co.uk' });
    expect(classifyQuery('Dupont & Fils S.A.')).toEqual({ kind: 'name', name: 'Dupont & Fils S.A.' });
    expect(classifyQuery('la poste')).toEqual({ kind: 'name', name: 'la poste' });
  });

  it('does not take a private or unknown suffix for a site', () => {
    expect(classifyQuery('S.A.S')).toEqual({ kind: 'name', name: 'S.A.S' });
    expect(classifyQuery('https://127.0.0.1/')).toMatchObject({ kind: 'invalid' });
  });
});
