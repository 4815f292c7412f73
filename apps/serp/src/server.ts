import { createServer } from '@mcp/core';
// The version comes from the app's package.json, which `pnpm release:version` sets for every package.
import manifest from '../package.json' with { type: 'json' };
import { serpEnv } from './config.js';
import { createSerpDeps } from './deps.js';
import { serpTools } from './tools/index.js';

export const INSTRUCTIONS = [
  'Web search for French company research.',
  'find_company_pages gives a company’s Pappers, Societe.com, annuaire-entreprises, Infogreffe, LinkedIn and website',
  'pages with the SIREN read from each URL; a SIREN gives the four registry pages without searching.',
  'search_company_mentions finds news and pages about a company outside its own site and the registries.',
  'web_search is the general tool (French market by default; `site` restricts to a domain).',
  'Searches may cost money on paid providers: ask for what you need, results are cached.',
].join(' ');

/** The serp MCP server: one provider chain per process, shared by the three tools. */
export const serpServer = createServer({
  name: 'serp',
  version: manifest.version,
  title: 'Web search (France)',
  instructions: INSTRUCTIONS,
  env: serpEnv,
  tools: (ctx) => serpTools(createSerpDeps(ctx)),
});
