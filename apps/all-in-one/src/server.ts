import { createServer } from '@mcp/core';
// The version comes from the app's package.json, which `pnpm release:version` sets for every package.
import manifest from '../package.json' with { type: 'json' };
import { allInOneEnv } from './config.js';
import { createAllInOneDeps } from './deps.js';
import { allInOnePrompts } from './prompts/index.js';
import { APPS } from './service/apps.js';
import { mergeInstructions } from './service/instructions.js';
import { allInOneTools } from './tools/index.js';

export const INSTRUCTIONS = mergeInstructions(APPS);

/** The five servers in one process (`/mcp` combined, `/<app>/mcp` each), plus research_company. */
export const allInOneServer = createServer({
  name: 'all-in-one',
  version: manifest.version,
  title: 'French company intelligence (all-in-one)',
  instructions: INSTRUCTIONS,
  env: allInOneEnv,
  tools: (ctx) => allInOneTools(createAllInOneDeps(ctx)),
  prompts: allInOnePrompts,
});
