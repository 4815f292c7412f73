import type { AnyTool } from '@mcp/core';
import type { AllInOneDeps } from '../deps.js';
import { prefixTool } from '../service/apps.js';
import { researchCompanyTool } from './research_company.js';

/** Every app's tools under `<app>_<tool>`, then the dossier. */
export const allInOneTools = (deps: AllInOneDeps): readonly AnyTool[] => [
  ...[...deps.byApp].flatMap(([app, tools]) => tools.map((tool) => prefixTool(app, tool))),
  researchCompanyTool(deps),
];
