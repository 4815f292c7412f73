import { createServer } from '@mcp/core';
import { htmlLimitsFromEnv } from '@mcp/html';
import { createRegisterClient, registerClientOptions } from '@mcp/recherche-entreprises';
// The version comes from the app's package.json, which `pnpm release:version` sets for every package.
import manifest from '../package.json' with { type: 'json' };
import { extractorEnv } from './config.js';
import { pageFetcherFrom } from './crawl/fetcher.js';
import { extractorTools } from './tools/index.js';

export const INSTRUCTIONS = [
  'Finds the company behind a French website: SIREN, SIRET, TVA intracommunautaire and RCS read from its',
  'legal notice (mentions légales). Use extract_from_url for a site (extract_batch for up to 20),',
  'extract_from_html or extract_from_text when you already have the page. The top-level siren is the',
  'publisher’s only; host (hébergeur), designer and photographer numbers appear in candidates with their role.',
  'An empty top level with reason no_identifier_found is an answer, not an error. verify: true checks the',
  'SIREN against the Recherche d’entreprises registry (name, active or closed).',
].join(' ');

/** The siret-extractor MCP server: core's safeFetch and one annuaire client per process. */
export const extractorServer = createServer({
  name: 'siret-extractor',
  version: manifest.version,
  title: 'SIREN/SIRET extractor (mentions légales)',
  instructions: INSTRUCTIONS,
  env: extractorEnv,
  tools: ({ env, store, safeFetch, onClose }) => {
    // The one register client (@mcp/recherche-entreprises), on the server's store.
    const annuaire = createRegisterClient({ ...registerClientOptions(env), store });
    onClose(() => annuaire.close());
    return extractorTools({
      // The process's safeFetch: SSRF guard on every hop, FETCH_CONCURRENCY shared by all tools.
      fetchPage: pageFetcherFrom(safeFetch, env.FETCH_TIMEOUT_MS),
      annuaire,
      htmlLimits: htmlLimitsFromEnv(env),
    });
  },
});
