import { err, ok } from '@mcp/core';
import type { SearchAnswer, SearchFn, SearchRequest, SearchResult } from '@mcp/search';
import { describe, expect, it } from 'vitest';
import { findCompanyPages } from './find-pages.js';
import { COMPANY_SITES, classifyUrl } from './sites.js';

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
  it('builds all four registry pages from a SIREN alone without searching', async () => {
    const { search, asked } = stubSearch({});
    const res = await findCompanyPages(search, {
      siren: '880878145',
      sites: ['pappers', 'societe', 'annuaire_entreprises', 'infogreffe'],
      maxSearches: 2,
      signal,
    });
    expect(asked).toHaveLength(0);
    if (!res.ok) throw new Error(res.error.message);
    const built = (url: string) => ({
      url,
      title: null,
      siren: '880878145',
      siren_match: true,
      source: 'built',
    });
    expect(res.value.pages).toMatchObject({
      pappers: built('https://www.pappers.fr/entreprise/880878145'),
      societe: built('https://www.societe.com/societe/880878145.html'),
      annuaire_entreprises: built('https://annuaire-entreprises.data.gouv.fr/entreprise/880878145'),
      infogreffe: built('https://www.infogreffe.fr/entreprise-societe/880878145'),
    });
    // Each built URL is one the classifier reads the SIREN back from, like a found page.
    for (const site of ['pappers', 'societe', 'annuaire_entreprises', 'infogreffe'] as const) {
      expect(classifyUrl(res.value.pages[site].url ?? '')).toMatchObject({ site, siren: '880878145' });
    }
    expect(res.value.searches_spent).toBe(0);
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
    expect(res.ok && res.value.pages.pappers.source).toBe('built');
    expect(res.ok && res.value.pages.linkedin_company.url).toBeNull();
    expect(res.ok && res.value.pages.website.url).toBeNull();
  });

  it('with a SIREN, builds the registries and searches only for the website and LinkedIn, by the name a registry title gives', async () => {
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
    expect(pages.pappers).toMatchObject({ siren: '552081317', siren_match: true, source: 'built' });
    expect(pages.societe).toMatchObject({
      url: 'https://www.societe.com/societe/552081317.html',
      source: 'built',
    });
    expect(pages.infogreffe).toMatchObject({ siren: '552081317', source: 'built' });
    expect(pages.annuaire_entreprises.source).toBe('built');
    expect(pages.website.url).toBe('https://www.edf.fr/');
    expect(pages.linkedin_company.url).toBe('https://www.linkedin.com/company/edf/');
    expect(res.value.sirens_seen).toEqual([
      { siren: '552081317', sites: ['pappers', 'societe', 'infogreffe'] },
    ]);
    expect(res.value.searches_spent).toBe(2);
  });

  it('spends no search on registries when the SIREN is known, and reports a namesake SIREN seen on the way', async () => {
    const { search, asked } = stubSearch({
      Ganymede: [
        hit('https://www.pappers.fr/entreprise/ganymede-901723403', 'GANYMEDE - Pappers'),
        hit('https://www.linkedin.com/company/ganymede-conseil/', 'Ganymède | LinkedIn'),
      ],
    });
    const res = await findCompanyPages(search, {
      name: 'Ganymede',
      siren: '880878145',
      sites: ['pappers', 'societe', 'infogreffe', 'linkedin_company'],
      maxSearches: 2,
      signal,
    });
    // One search, for LinkedIn; none of the `site:` registry queries the budget would have allowed.
    expect(asked.map((r) => r.query)).toEqual(['Ganymede']);
    if (!res.ok) throw new Error(res.error.message);
    expect(res.value.pages.pappers).toMatchObject({ siren: '880878145', siren_match: true, source: 'built' });
    expect(res.value.pages.linkedin_company).toMatchObject({ source: 'search' });
    expect(res.value.sirens_seen).toEqual([{ siren: '901723403', sites: ['pappers'] }]);
  });

  it('flags a registry page whose SIREN is not the one of the name searched for when no SIREN is given', async () => {
    const { search } = stubSearch({
      Ganymede: [hit('https://www.pappers.fr/entreprise/ganymede-901723403', 'GANYMEDE - Pappers')],
    });
    const res = await findCompanyPages(search, {
      name: 'Ganymede',
      sites: ['pappers'],
      maxSearches: 1,
      signal,
    });
    if (!res.ok) throw new Error(res.error.message);
    expect(res.value.pages.pappers).toMatchObject({
      siren: '901723403',
      siren_match: null,
      source: 'search',
    });
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
