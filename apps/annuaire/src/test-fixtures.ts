// Test helper: the recorded /search bodies, typed.
import { readFixtureJson } from '@mcp/core/testing';
import type { RawSearchResponse } from './upstream/types.js';

export const FIXTURES = {
  laPoste: 'search_356000000.json',
  laPosteByName: 'search_la_poste.json',
  ganymedeClosed: 'search_880878145.json',
  ganymedeSiret: 'search_88087814500015.json',
  ganymedeByName: 'search_Ganymede.json',
  dinum: 'search_130025265.json',
  ghost: 'search_123456789.json',
  empty: 'search_12345678900003.json',
  agRennes: 'search_ag-cp_dep-35000-cp_dep_type-cp.json',
  xavierJouppe: 'search_xavier_jouppe.json',
} as const;

export const fixture = (name: keyof typeof FIXTURES): RawSearchResponse =>
  readFixtureJson<RawSearchResponse>('annuaire', FIXTURES[name]);
