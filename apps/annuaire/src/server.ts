import { createServer } from '@mcp/core';
// The version comes from the app's package.json, which `pnpm release:version` sets for every package.
import manifest from '../package.json' with { type: 'json' };
import { annuaireEnv } from './config.js';
import { createAnnuaireDeps } from './deps.js';
import { annuaireTools } from './tools/index.js';

export const INSTRUCTIONS = [
  'French company register (API Recherche d’entreprises, Sirene + RNE), no key needed.',
  'Start with search_companies (a name, an address or a SIREN/SIRET) or get_company when you have the number.',
  'verify_siret checks a number’s checksum and existence; get_officers lists officers or the companies of a person;',
  'search_near_point finds companies around coordinates. Codes (NAF, catégorie juridique, tranche d’effectif)',
  'come with their French labels. The API serves at most 25 results a page and 10 000 in all: narrow with filters.',
].join(' ');

/** The annuaire MCP server: one API client per process, shared by the five tools. */
export const annuaireServer = createServer({
  name: 'annuaire',
  version: manifest.version,
  title: 'Annuaire des entreprises (France)',
  instructions: INSTRUCTIONS,
  env: annuaireEnv,
  tools: (ctx) => annuaireTools(createAnnuaireDeps(ctx)),
});
