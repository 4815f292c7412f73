import { createToolRegistry } from '@mcp/core';
import { toolContext } from '@mcp/core/testing';
import { describe, expect, it } from 'vitest';
import { recorder } from '../testing/search-recorder.js';
import { serpTools } from './index.js';

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
