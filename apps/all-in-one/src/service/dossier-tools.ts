import type { AnyTool } from '@mcp/core';

/** The tools of the five apps the dossier calls, by role. */
export interface DossierTools {
  getCompany: AnyTool;
  searchCompanies: AnyTool;
  findCompanyPages: AnyTool;
  extractFromUrl: AnyTool;
  lookupDomain: AnyTool;
  linkedinCompany: AnyTool;
}

const WANTED: Record<keyof DossierTools, [app: string, tool: string]> = {
  getCompany: ['annuaire', 'get_company'],
  searchCompanies: ['annuaire', 'search_companies'],
  findCompanyPages: ['serp', 'find_company_pages'],
  extractFromUrl: ['siret-extractor', 'extract_from_url'],
  lookupDomain: ['rdap', 'lookup_domain'],
  linkedinCompany: ['linkedin', 'get_company'],
};

/** Picks them out of each app's tool list; a renamed tool fails at start-up, not at the first dossier. */
export const pickDossierTools = (byApp: ReadonlyMap<string, readonly AnyTool[]>): DossierTools =>
  Object.fromEntries(
    Object.entries(WANTED).map(([role, [app, name]]) => {
      const tool = byApp.get(app)?.find((t) => t.name === name);
      if (!tool) throw new Error(`research_company needs ${app}'s ${name} tool, which is missing`);
      return [role, tool];
    }),
  ) as unknown as DossierTools;
