import { err, ok } from '@mcp/core';
import type { SearchAnswer, SearchFn, SearchRequest, SearchResult } from '@mcp/search';
import { describe, expect, it } from 'vitest';
import { findCompanyPages } from './find-pages.js';
import { COMPANY_SITES } from './sites.js';

const hit = (url: string, title: string): Omit<SearchResult, 'position'> => ({
  url,
  title,
  domain: new URL(url).hostname.replace(/^www\./, ''),
  snippet: '',
});

/** A search stub answering by query, recording what was asked. */
const stubSearch = (answers: Record<string, Omit<SearchResult, 'position'>[]>) => {
  const asked: SearchRequest[] = [];
  const search: SearchFn = async (req) => {
    asked.push(req);
    const rows = answers[req.query];
    if (!rows)
      return ok<SearchAnswer>({
        results: [],
        provider: 'serper',
        providers_failed: [],
        query: req.query,
        cached: false,
      });
    return ok<SearchAnswer>({
      results: rows.map((r, i) => ({ ...r, position: i + 1 })),
      provider: 'serper',
      providers_failed: [],
      query: req.query,
      cached: false,
    });
  };
  return { search, asked };
};

const signal = new AbortController().signal;

describe('findCompanyPages', () => {
  it('builds the annuaire page from a SIREN alone without searching when only that page is wanted', async () => {
    const { search, asked } = stubSearch({});
    const res = await findCompanyPages(search, {
      siren: '880878145',
      sites: ['annuaire_entreprises'],
      maxSearches: 2,
      signal,
    });
    expect(asked).toHaveLength(0);
    expect(res.ok && res.value.pages.annuaire_entreprises).toEqual({
      url: 'https://annuaire-entreprises.data.gouv.fr/entreprise/880878145',
      title: null,
      siren: '880878145',
      siren_match: true,
      source: 'built',
    });
    expect(res.ok && res.value.searches_spent).toBe(0);
  });

  it('spends no search at all with max_searches 0', async () => {
    const { search, asked } = stubSearch({});
    const res = await findCompanyPages(search, {
      siren: '552081317',
      sites: COMPANY_SITES,
      maxSearches: 0,
      signal,
    });
    expect(asked).toHaveLength(0);
    expect(res.ok && res.value.pages.annuaire_entreprises.source).toBe('built');
    expect(res.ok && res.value.pages.pappers.url).toBeNull();
  });

  it('finds the registries with one SIREN search, then the website and LinkedIn by the name read from a title', async () => {
    const { search, asked } = stubSearch({
      '552081317': [
        hit(
          'https://www.pappers.fr/entreprise/electricite-de-france-552081317',
          'ELECTRICITE DE FRANCE (EDF) - Chiffre d’affaires',
        ),
        hit(
          'https://www.societe.com/societe/electricite-de-france-552081317.html',
          'ELECTRICITE DE FRANCE (PARIS 8) Chiffre d’affaires',
        ),
        hit(
          'https://www.infogreffe.fr/entreprise/electricite-de-france/552081317/5f0c',
          'ELECTRICITE DE FRANCE - Infogreffe',
        ),
      ],
      'ELECTRICITE DE FRANCE (EDF)': [
        hit('https://www.edf.fr/', 'EDF | Électricité, gaz, services'),
        hit('https://fr.linkedin.com/company/edf', 'EDF | LinkedIn'),
      ],
    });
    const res = await findCompanyPages(search, {
      siren: '552081317',
      sites: COMPANY_SITES,
      maxSearches: 2,
      signal,
    });
    expect(asked.map((r) => r.query)).toEqual(['552081317', 'ELECTRICITE DE FRANCE (EDF)']);
    if (!res.ok) throw new Error(res.error.message);
    const { pages } = res.value;
    expect(pages.pappers).toMatchObject({ siren: '552081317', siren_match: true, source: 'search' });
    expect(pages.societe.url).toBe('https://www.societe.com/societe/electricite-de-france-552081317.html');
    expect(pages.infogreffe.siren).toBe('552081317');
    expect(pages.annuaire_entreprises.source).toBe('built');
    expect(pages.website.url).toBe('https://www.edf.fr/');
    expect(pages.linkedin_company.url).toBe('https://www.linkedin.com/company/edf/');
    expect(res.value.sirens_seen).toEqual([
      { siren: '552081317', sites: ['pappers', 'societe', 'infogreffe'] },
    ]);
    expect(res.value.searches_spent).toBe(2);
  });

  it('flags a registry page whose SIREN is not the asked one, and keeps looking within the budget', async () => {
    const { search, asked } = stubSearch({
      Ganymede: [hit('https://www.pappers.fr/entreprise/ganymede-901723403', 'GANYMEDE - Pappers')],
      '880878145 (site:pappers.fr OR site:societe.com OR site:infogreffe.fr)': [
        hit('https://www.societe.com/societe/ganymede-880878145.html', 'GANYMEDE (PARIS)'),
      ],
    });
    const res = await findCompanyPages(search, {
      name: 'Ganymede',
      siren: '880878145',
      sites: ['pappers', 'societe', 'infogreffe'],
      maxSearches: 2,
      signal,
    });
    expect(asked.map((r) => r.query)).toEqual([
      'Ganymede',
      '880878145 (site:pappers.fr OR site:societe.com OR site:infogreffe.fr)',
    ]);
    if (!res.ok) throw new Error(res.error.message);
    expect(res.value.pages.pappers).toMatchObject({ siren: '901723403', siren_match: false });
    expect(res.value.pages.societe).toMatchObject({ siren: '880878145', siren_match: true });
    expect(res.value.sirens_seen.map((s) => s.siren).sort()).toEqual(['880878145', '901723403']);
  });

  it('uses the name and city, then one site: OR-query for missing registries', async () => {
    const { search, asked } = stubSearch({
      'La Poste Paris': [hit('https://www.laposte.fr/', 'La Poste - Courrier, colis')],
      'La Poste Paris (site:pappers.fr OR site:societe.com)': [
        hit('https://www.pappers.fr/entreprise/la-poste-356000000', 'LA POSTE - Pappers'),
        hit('https://www.societe.com/societe/la-poste-356000000.html', 'LA POSTE'),
      ],
    });
    const res = await findCompanyPages(search, {
      name: 'La Poste',
      city: 'Paris',
      sites: ['pappers', 'societe', 'website'],
      maxSearches: 3,
      signal,
    });
    expect(asked.map((r) => r.query)).toEqual([
      'La Poste Paris',
      'La Poste Paris (site:pappers.fr OR site:societe.com)',
    ]);
    if (!res.ok) throw new Error(res.error.message);
    expect(res.value.pages.website.url).toBe('https://www.laposte.fr/');
    expect(res.value.pages.pappers).toMatchObject({ siren: '356000000', siren_match: null });
    expect(res.value.sirens_seen).toEqual([{ siren: '356000000', sites: ['pappers', 'societe'] }]);
  });

  it('returns the search error when every search failed and nothing could be built', async () => {
    const search: SearchFn = async () =>
      err('blocked', 'Every search provider failed: duckduckgo (blocked: challenge)', {
        providers_failed: [{ provider: 'duckduckgo', code: 'blocked', message: 'challenge' }],
      });
    let calls = 0;
    const counted: SearchFn = async (req) => {
      calls += 1;
      return search(req);
    };
    const res = await findCompanyPages(counted, {
      name: 'Ganymede',
      sites: COMPANY_SITES,
      maxSearches: 3,
      signal,
    });
    expect(res.ok).toBe(false);
    if (!res.ok) expect(res.error.code).toBe('blocked');
    // a failed chain is not retried with the rest of the budget
    expect(calls).toBe(1);
  });

  it('reports the website home page and progress after each search', async () => {
    const { search } = stubSearch({
      'Ganymède Lyon': [hit('https://www.ganymede-conseil.fr/equipe/contact', 'Contact — Ganymède Conseil')],
    });
    const seen: [number, number][] = [];
    const res = await findCompanyPages(search, {
      name: 'Ganymède',
      city: 'Lyon',
      sites: ['website'],
      maxSearches: 2,
      signal,
      onSearch: async (done, budget) => {
        seen.push([done, budget]);
      },
    });
    expect(res.ok && res.value.pages.website).toEqual({
      url: 'https://www.ganymede-conseil.fr/',
      title: 'Contact — Ganymède Conseil',
      siren: null,
      siren_match: null,
      source: 'search',
    });
    expect(seen).toEqual([[1, 2]]);
  });
});
