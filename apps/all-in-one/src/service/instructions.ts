import type { ServerDefinition } from '@mcp/core';
import { toolPrefix } from './apps.js';

/**
 * The dossier's line, then each app's own instructions under the prefix its tools carry here. The
 * apps' texts name their tools unprefixed; the header of each paragraph says how to read them.
 */
export const mergeInstructions = (apps: readonly ServerDefinition[]): string =>
  [
    'French company intelligence in one server. For a whole company, call research_company first: one call gives ' +
      'the register identity, officers, finances, website and the publisher its legal notice names, the domain ' +
      'holder, the LinkedIn page and the directory pages, with cross-check signals and the status of each source. ' +
      'The other tools answer one part each; every tool of an app carries its prefix (annuaire_search_companies is ' +
      'the annuaire app’s search_companies).',
    ...apps.map(
      (app) =>
        `${toolPrefix(app.name)}_* — ${app.title ?? app.name}: ${app.instructions ?? ''} (Tool names here: ${toolPrefix(app.name)}_<name>.)`,
    ),
  ].join('\n\n');
