import { annuaireServer } from '@mcp/annuaire';
import { readFixtureJson, startReplayServer } from '@mcp/core/testing';
import type { AppCase } from './types.js';

/** Recorded API answers by `q` (fixtures/annuaire/expected.json searchTerms); others get the empty one. */
const BY_QUERY: Record<string, string> = {
  '356000000': 'search_356000000.json',
  'la poste': 'search_la_poste.json',
  '880878145': 'search_880878145.json',
  '88087814500015': 'search_88087814500015.json',
  Ganymede: 'search_Ganymede.json',
  '130025265': 'search_130025265.json',
  '123456789': 'search_123456789.json',
  '12345678900003': 'search_12345678900003.json',
  ag: 'search_ag-cp_dep-35000-cp_dep_type-cp.json',
  'xavier jouppe': 'search_xavier_jouppe.json',
};
const bodies = new Map(
  Object.entries(BY_QUERY).map(([q, file]) => [q, readFixtureJson('annuaire', file) as object]),
);
const EMPTY = readFixtureJson('annuaire', 'search_12345678900003.json') as object;

export const annuaireCase: AppCase = {
  app: 'annuaire',
  definition: annuaireServer as unknown as AppCase['definition'],
  upstreams: async () => {
    const api = await startReplayServer((req) => {
      if (req.path !== '/search' && req.path !== '/near_point') return undefined;
      const person = [req.query.get('prenoms_personne'), req.query.get('nom_personne')]
        .filter(Boolean)
        .join(' ')
        .toLowerCase();
      return { body: bodies.get(req.query.get('q') ?? person) ?? EMPTY };
    });
    return {
      // The app spaces requests at 7/s (the API's limit); the cache makes repeated calls free.
      env: { ANNUAIRE_BASE_URL: api.url, ANNUAIRE_TIMEOUT_MS: '5000' },
      requests: () => api.requests.length,
      close: api.close,
    };
  },
  failing: {
    name: 'get_company',
    arguments: { siren: '356000001' },
    code: 'invalid_input',
    message: 'Luhn',
  },
  sample: {
    name: 'get_company',
    arguments: { siren: '356000000' },
    expect: { siren: '356000000', name: 'LA POSTE' },
  },
};
