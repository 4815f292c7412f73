import type { ToolSet } from '@mcp/core';
import type { AllInOneDeps } from '../deps.js';
import { APPS, prefixTool } from '../service/apps.js';
import { researchCompanyTool } from './research_company.js';

/**
 * `/mcp`: every app's tools under `<app>_<tool>`, then the dossier. `/<app>/mcp`: that app's tools
 * under their own names, as its standalone server lists them. The same tool objects serve both.
 */
export const allInOneTools = (deps: AllInOneDeps): ToolSet => ({
  tools: [
    ...[...deps.byApp].flatMap(([app, tools]) => tools.map((tool) => prefixTool(app, tool))),
    researchCompanyTool(deps),
  ],
  endpoints: APPS.map((app) => ({
    path: `/${app.name}/mcp`,
    name: app.name,
    ...(app.title ? { title: app.title } : {}),
    ...(app.instructions ? { instructions: app.instructions } : {}),
    tools: deps.byApp.get(app.name) ?? [],
  })),
});
