// Public surface of @mcp/annuaire. Named exports only; types apart.

export {
  companyCategoryLabel,
  headcountLabel,
  legalFormLabel,
  nafLabel,
  nafSectionLabel,
} from './codes/index.js';
export type { AnnuaireEnv } from './config.js';
export { annuaireEnv } from './config.js';
export type { AnnuaireDeps } from './deps.js';
export { mapCompany, mapCompanySummary } from './mappers/company.js';
export type { Company, CompanySummary, Establishment, Officer } from './schemas.js';
export { annuaireServer } from './server.js';
export { annuaireTools } from './tools/index.js';
export type { AnnuaireClient, AnnuaireClientOptions } from './upstream/annuaire.js';
export { createAnnuaireClient } from './upstream/annuaire.js';
export type { RawCompany, RawSearchResponse } from './upstream/types.js';
