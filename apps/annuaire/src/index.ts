// Public surface of @mcp/annuaire. Named exports only; types apart. The register client itself is
// @mcp/recherche-entreprises.

export type { AnnuaireEnv } from './config.js';
export { annuaireEnv } from './config.js';
export type { AnnuaireDeps } from './deps.js';
export { createAnnuaireDeps } from './deps.js';
export type { Company, CompanySummary, Establishment, Officer } from './schemas.js';
export { annuaireServer, INSTRUCTIONS } from './server.js';
export {
  companyCategoryLabel,
  headcountLabel,
  legalFormLabel,
  nafLabel,
  nafSectionLabel,
} from './service/codes/index.js';
export { mapCompany, mapCompanySummary } from './service/mappers/company.js';
export { annuaireTools } from './tools/index.js';
