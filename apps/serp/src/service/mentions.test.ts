import type { SearchResult } from '@mcp/search';
import { describe, expect, it } from 'vitest';
import { mentionsQuery, withoutExcluded } from './mentions.js';

describe('mentionsQuery', () => {
  it('quotes the name and excludes the own site and the registries', () => {
    const { query, excluded } = mentionsQuery('Ganymède', {
      city: 'Lyon',
      website: 'https://www.ganymede.fr/',
    });
    expect(query).toBe(
      '"Ganymède" Lyon -site:ganymede.fr -site:pappers.fr -site:societe.com -site:infogreffe.fr -site:annuaire-entreprises.data.gouv.fr -site:linkedin.com',
    );
    expect(excluded).toContain('ganymede.fr');
    expect(excluded).toContain('verif.com');
  });

  it('stays within the 400-character query limit', () => {
    const { query } = mentionsQuery('x'.repeat(190), {
      exclude: Array.from({ length: 10 }, (_, i) => `domain-${i}.example.com`),
    });
    expect(query.length).toBeLessThanOrEqual(400);
  });
});

describe('withoutExcluded', () => {
  it('drops results the provider let through and renumbers', () => {
    const r = (url: string, position: number): SearchResult => ({
      position,
      url,
      title: 't',
      domain: new URL(url).hostname.replace(/^www\./, ''),
      snippet: '',
    });
    const kept = withoutExcluded(
      [
        r('https://www.verif.com/societe/X/', 1),
        r('https://www.lesechos.fr/a', 2),
        r('https://fr.linkedin.com/company/x', 3),
      ],
      ['verif.com', 'linkedin.com'],
    );
    expect(kept).toEqual([{ ...r('https://www.lesechos.fr/a', 1) }]);
  });
});
