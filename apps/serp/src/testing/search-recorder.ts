import { ok } from '@mcp/core';
import type { SearchAnswer, SearchFn, SearchRequest } from '@mcp/search';

/** Records requests; answers one Pappers and one news result (shapes as the providers map them). */
export const recorder = () => {
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
