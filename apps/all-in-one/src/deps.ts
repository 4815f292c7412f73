import type { AnyTool, ToolsContext } from '@mcp/core';
import type { AllInOneEnv } from './config.js';
import { APPS, buildAppTools } from './service/apps.js';
import { type DossierTools, pickDossierTools } from './service/dossier-tools.js';

/** What the combined server closes over: each app's tools, built once, and the dossier's picks of them. */
export interface AllInOneDeps {
  byApp: ReadonlyMap<string, readonly AnyTool[]>;
  dossierTools: DossierTools;
}

export const createAllInOneDeps = (ctx: ToolsContext<AllInOneEnv>): AllInOneDeps => {
  const byApp = new Map(APPS.map((app) => [app.name, buildAppTools(app, ctx)] as const));
  return { byApp, dossierTools: pickDossierTools(byApp) };
};
