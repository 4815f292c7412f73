import { createServer } from '@mcp/core';
// The version comes from the app's package.json, which `pnpm release:version` sets for every package.
import manifest from '../package.json' with { type: 'json' };
import { linkedinEnv } from './config.js';
import { createLinkedinDeps } from './deps.js';
import { linkedinTools } from './tools/index.js';

export const INSTRUCTIONS = [
  'Public LinkedIn data, as a logged-out visitor sees it; this server never logs in.',
  'get_company reads a company page (URL or slug); get_profile a public profile (URL or public id).',
  'find_company finds a company’s LinkedIn page from its name (give its website when known);',
  'find_people lists public profiles of people at a company from web search, optionally by role.',
  'LinkedIn often refuses automated visits: a `blocked` error says what was seen; do not retry in a loop.',
].join(' ');

/** The linkedin MCP server: one fetcher (direct or provider), one page cache, one search chain per process. */
export const linkedinServer = createServer({
  name: 'linkedin',
  version: manifest.version,
  title: 'LinkedIn public data',
  instructions: INSTRUCTIONS,
  env: linkedinEnv,
  tools: (ctx) => linkedinTools(createLinkedinDeps(ctx)),
});
