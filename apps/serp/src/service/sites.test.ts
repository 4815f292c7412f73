import { describe, expect, it } from 'vitest';
import { classifyUrl, isDirectoryDomain } from './sites.js';

describe('SIREN read from registry URLs', () => {
  it('reads Pappers /entreprise/<slug>-<siren>', () => {
    expect(classifyUrl('https://www.pappers.fr/entreprise/electricite-de-france-552081317')).toEqual({
      site: 'pappers',
      url: 'https://www.pappers.fr/entreprise/electricite-de-france-552081317',
      siren: '552081317',
    });
    expect(classifyUrl('https://www.pappers.fr/entreprise/552081317')?.siren).toBe('552081317');
    expect(classifyUrl('https://www.pappers.fr/entreprise/la-poste-356000000?utm=x')?.url).toBe(
      'https://www.pappers.fr/entreprise/la-poste-356000000',
    );
  });

  it('reads Societe.com /societe/<slug>-<siren>.html', () => {
    expect(classifyUrl('https://www.societe.com/societe/electricite-de-france-552081317.html')).toEqual({
      site: 'societe',
      url: 'https://www.societe.com/societe/electricite-de-france-552081317.html',
      siren: '552081317',
    });
    expect(classifyUrl('https://www.societe.com/societe/la-poste-356000000.html')?.siren).toBe('356000000');
  });

  it('reads annuaire-entreprises company and establishment pages', () => {
    expect(
      classifyUrl('https://annuaire-entreprises.data.gouv.fr/entreprise/ganymede-880878145')?.siren,
    ).toBe('880878145');
    expect(classifyUrl('https://annuaire-entreprises.data.gouv.fr/entreprise/130025265')?.siren).toBe(
      '130025265',
    );
    expect(classifyUrl('https://annuaire-entreprises.data.gouv.fr/etablissement/88087814500015')?.siren).toBe(
      '880878145',
    );
  });

  it('reads both Infogreffe URL layouts', () => {
    expect(
      classifyUrl('https://www.infogreffe.fr/entreprise/electricite-de-france/552081317/0b7c2d1e')?.siren,
    ).toBe('552081317');
    expect(
      classifyUrl('https://www.infogreffe.fr/entreprise-societe/552081317-electricite-de-france-750101B.html')
        ?.siren,
    ).toBe('552081317');
  });

  it('keeps the page but no SIREN when the digits fail Luhn', () => {
    expect(classifyUrl('https://www.pappers.fr/entreprise/acme-552081318')).toMatchObject({
      site: 'pappers',
      siren: undefined,
    });
    expect(classifyUrl('https://www.societe.com/societe/acme-123456780.html')?.siren).toBeUndefined();
  });

  it('folds LinkedIn company sub-pages and locale hosts to the company root', () => {
    expect(classifyUrl('https://fr.linkedin.com/company/edf/jobs')).toEqual({
      site: 'linkedin_company',
      url: 'https://www.linkedin.com/company/edf/',
      siren: undefined,
    });
  });

  it('ignores pages that are not company pages', () => {
    expect(classifyUrl('https://www.pappers.fr/dirigeant/jean-dupont_1970-01')).toBeUndefined();
    expect(classifyUrl('https://www.pappers.fr/recherche?q=edf')).toBeUndefined();
    expect(classifyUrl('https://www.linkedin.com/in/jean-dupont')).toBeUndefined();
    expect(classifyUrl('https://notpappers.fr/entreprise/x-552081317')).toBeUndefined();
    expect(classifyUrl('not a url')).toBeUndefined();
  });
});

describe('isDirectoryDomain', () => {
  it('knows registries, social networks and their subdomains', () => {
    expect(isDirectoryDomain('pappers.fr')).toBe(true);
    expect(isDirectoryDomain('fr.linkedin.com')).toBe(true);
    expect(isDirectoryDomain('entreprises.lefigaro.fr')).toBe(true);
    expect(isDirectoryDomain('edf.fr')).toBe(false);
    expect(isDirectoryDomain('mypappers.fr')).toBe(false);
  });
});
