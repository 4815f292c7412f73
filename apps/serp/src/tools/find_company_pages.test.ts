import { createToolRegistry } from '@mcp/core';
import { toolContext, toolErrorOf } from '@mcp/core/testing';
import { describe, expect, it } from 'vitest';
import { recorder } from '../testing/search-recorder.js';
import { serpTools } from './index.js';

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
