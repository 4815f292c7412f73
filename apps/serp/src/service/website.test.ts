import type { SearchResult } from '@mcp/search';
import { describe, expect, it } from 'vitest';
import { nameFromDirectoryTitle, nameMatchScore, pickWebsite } from './website.js';

const result = (url: string, position: number): SearchResult => ({
  position,
  url,
  title: url,
  domain: new URL(url).hostname.replace(/^www\./, ''),
  snippet: '',
});

describe('nameMatchScore', () => {
  it('ranks exact, acronym, containment and word matches', () => {
    expect(nameMatchScore('Ganymède', 'ganymede')).toBe(3);
    expect(nameMatchScore('Électricité de France', 'edf')).toBe(2.5);
    expect(nameMatchScore('Électricité de France (EDF)', 'edf')).toBe(3);
    expect(nameMatchScore('Ganymede SAS', 'ganymede-conseil')).toBe(2);
    expect(nameMatchScore('Boulangerie Dupont Frères', 'dupont-patisserie')).toBe(1);
    expect(nameMatchScore('La Poste', 'wikipedia')).toBe(0);
  });

  it('folds accents and punctuation', () => {
    expect(nameMatchScore("L'Été Crème & Cie", 'ete-creme-cie')).toBe(3);
    expect(nameMatchScore('ÉLECTRICITÉ DE FRANCE', 'electricitedefrance')).toBe(3);
  });

  it('leaves legal forms out of the distinctive words', () => {
    expect(nameMatchScore('Ganymède SARL', 'ganymede')).toBe(3);
    expect(nameMatchScore('Audiense Ltd', 'audiense')).toBe(3);
  });
});

describe('pickWebsite', () => {
  it('skips directories and takes the best-matching domain', () => {
    const results = [
      result('https://www.pappers.fr/entreprise/electricite-de-france-552081317', 1),
      result('https://fr.wikipedia.org/wiki/%C3%89lectricit%C3%A9_de_France', 2),
      result('https://www.lemonde.fr/economie/edf', 3),
      result('https://www.edf.fr/', 4),
    ];
    expect(pickWebsite('Électricité de France', results)?.url).toBe('https://www.edf.fr/');
  });

  it('does not guess without a name or a matching domain', () => {
    const results = [result('https://www.lemonde.fr/', 1)];
    expect(pickWebsite(undefined, results)).toBeUndefined();
    expect(pickWebsite('Ganymede', results)).toBeUndefined();
  });
});

describe('nameFromDirectoryTitle', () => {
  it('keeps the company part of a registry page title', () => {
    expect(nameFromDirectoryTitle("ELECTRICITE DE FRANCE (EDF) - Chiffre d'affaires, résultat")).toBe(
      'ELECTRICITE DE FRANCE (EDF)',
    );
    expect(nameFromDirectoryTitle('GANYMEDE | Pappers')).toBe('GANYMEDE');
  });
});
