import { createToolRegistry, err, ok } from '@mcp/core';
import { toolContext, toolErrorOf } from '@mcp/core/testing';
import type { SearchAnswer, SearchFn, SearchRequest } from '@mcp/search';
import { describe, expect, it } from 'vitest';
import { serpTools } from './index.js';

/** Records requests; answers one Pappers and one news result (shapes as the providers map them). */
const recorder = () => {
  const asked: SearchRequest[] = [];
  const search: SearchFn = async (req) => {
    asked.push(req);
    return ok<SearchAnswer>({
      query: req.query,
      provider: 'brave',
      providers_failed: [
        { provider: 'serper', code: 'rate_limited', message: 'Serper refused the search for quota.' },
      ],
      cached: false,
      results: [
        {
          position: 1,
          title: 'GANYMEDE - Pappers',
          url: 'https://www.pappers.fr/entreprise/ganymede-880878145',
          domain: 'pappers.fr',
          snippet: 'GANYMEDE, société par actions simplifiée',
        },
        {
          position: 2,
          title: 'Ganymède lève 2 M€',
          url: 'https://www.lesechos.fr/start-up/ganymede',
          domain: 'lesechos.fr',
          snippet: 'La start-up…',
          date: '2025-06-13',
        },
      ],
    });
  };
  return { search, asked };
};

describe('web_search', () => {
  it('passes the French-market defaults and returns the provider chain', async () => {
    const { search, asked } = recorder();
    const registry = createToolRegistry(serpTools({ search }));
    const res = await registry.call('web_search', { query: '  ganymede  ' }, toolContext());
    expect(res.isError).toBeUndefined();
    expect(asked[0]).toMatchObject({ query: 'ganymede', num: 10, country: 'fr', language: 'fr', page: 1 });
    expect(res.structuredContent).toMatchObject({
      provider: 'brave',
      providers_failed: [{ provider: 'serper', code: 'rate_limited' }],
      cached: false,
    });
  });

  it.each([
    [{ query: '' }, 'query'],
    [{ query: 'x'.repeat(401) }, 'query'],
    [{ query: 'x', num: 21 }, 'num'],
    [{ query: 'x', num: 0 }, 'num'],
    [{ query: 'x', country: 'fra' }, 'country'],
  ])('refuses %j as invalid_input naming %s', async (args, field) => {
    const { search, asked } = recorder();
    const res = await createToolRegistry(serpTools({ search })).call('web_search', args, toolContext());
    expect(res.isError).toBe(true);
    expect(toolErrorOf(res)).toMatchObject({ code: 'invalid_input', details: { fields: [field] } });
    expect(asked).toHaveLength(0);
  });

  it('passes a provider-chain failure through with its code', async () => {
    const search: SearchFn = async () =>
      err('upstream_http', 'Every search provider failed: duckduckgo (blocked: challenge)');
    const res = await createToolRegistry(serpTools({ search })).call(
      'web_search',
      { query: 'x' },
      toolContext(),
    );
    expect(res.structuredContent).toBeUndefined();
    expect(toolErrorOf(res)).toEqual({
      code: 'upstream_http',
      message: 'Every search provider failed: duckduckgo (blocked: challenge)',
    });
  });
});

describe('find_company_pages', () => {
  it('needs a name or a SIREN', async () => {
    const { search } = recorder();
    const res = await createToolRegistry(serpTools({ search })).call(
      'find_company_pages',
      { city: 'Lyon' },
      toolContext(),
    );
    expect(toolErrorOf(res)).toMatchObject({ code: 'invalid_input', details: { fields: ['name', 'siren'] } });
  });

  it('refuses a SIREN that fails Luhn, naming the field', async () => {
    const { search, asked } = recorder();
    const res = await createToolRegistry(serpTools({ search })).call(
      'find_company_pages',
      { siren: '880878146' },
      toolContext(),
    );
    expect(toolErrorOf(res)).toMatchObject({ code: 'invalid_input', details: { fields: ['siren'] } });
    expect(toolErrorOf(res).message).toMatch(/^siren: .*Luhn/);
    expect(asked).toHaveLength(0);
  });

  it('gives the annuaire page for a spaced SIREN without searching', async () => {
    const { search, asked } = recorder();
    const res = await createToolRegistry(serpTools({ search })).call(
      'find_company_pages',
      { siren: '880 878 145', sites: ['annuaire_entreprises'] },
      toolContext(),
    );
    expect(asked).toHaveLength(0);
    expect(res.structuredContent).toMatchObject({
      siren: '880878145',
      searches_spent: 0,
      pages: {
        annuaire_entreprises: {
          url: 'https://annuaire-entreprises.data.gouv.fr/entreprise/880878145',
          source: 'built',
          siren_match: true,
        },
        pappers: { url: null, source: null },
      },
    });
  });

  it('builds every registry page for a SIREN and searches only for LinkedIn and the website', async () => {
    const { search, asked } = recorder();
    const res = await createToolRegistry(serpTools({ search })).call(
      'find_company_pages',
      { name: 'Ganymède', siren: '880878145', max_searches: 1 },
      toolContext(),
    );
    expect(asked.map((r) => r.query)).toEqual(['Ganymède']);
    expect(res.structuredContent).toMatchObject({
      pages: {
        pappers: { url: 'https://www.pappers.fr/entreprise/880878145', source: 'built' },
        societe: { url: 'https://www.societe.com/societe/880878145.html', source: 'built' },
        annuaire_entreprises: { source: 'built' },
        infogreffe: { url: 'https://www.infogreffe.fr/entreprise-societe/880878145', source: 'built' },
      },
    });
  });

  it('reports pages, SIRENs seen and the searches spent', async () => {
    const { search } = recorder();
    const res = await createToolRegistry(serpTools({ search })).call(
      'find_company_pages',
      { name: 'Ganymède', siren: '880878145', max_searches: 1 },
      toolContext(),
    );
    expect(res.isError).toBeUndefined();
    expect(res.structuredContent).toMatchObject({
      searches_spent: 1,
      queries: [{ query: 'Ganymède', provider: 'brave', results: 2, error: null }],
      pages: { pappers: { siren: '880878145', siren_match: true, source: 'built' } },
      sirens_seen: [{ siren: '880878145', sites: ['pappers'] }],
      providers_failed: [{ provider: 'serper', code: 'rate_limited' }],
    });
  });
});

describe('search_company_mentions', () => {
  it('excludes the registries and the own site, in the query and after it', async () => {
    const { search, asked } = recorder();
    const res = await createToolRegistry(serpTools({ search })).call(
      'search_company_mentions',
      { name: 'Ganymède', website: 'ganymede.fr' },
      toolContext(),
    );
    expect(asked[0]?.query).toBe(
      '"Ganymède" -site:ganymede.fr -site:pappers.fr -site:societe.com -site:infogreffe.fr -site:annuaire-entreprises.data.gouv.fr -site:linkedin.com',
    );
    expect(res.structuredContent).toMatchObject({
      filtered_out: 1,
      results: [{ position: 1, domain: 'lesechos.fr', date: '2025-06-13' }],
    });
  });
});
