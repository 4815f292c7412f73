// Public surface of @mcp/serp. Named exports only; types apart.

export type { SerpEnv } from './config.js';
export { serpEnv } from './config.js';
export type { SerpDeps } from './deps.js';
export { createSerpDeps } from './deps.js';
export { INSTRUCTIONS, serpServer } from './server.js';
export type { CompanyPages, FindPagesInput, PageFound, QuerySpent } from './service/find-pages.js';
export { findCompanyPages } from './service/find-pages.js';
export { mentionsQuery, withoutExcluded } from './service/mentions.js';
export type { CompanySite, DirectorySite, SitePage } from './service/sites.js';
export {
  annuaireUrl,
  COMPANY_SITES,
  classifyUrl,
  REGISTRY_DOMAINS,
  REGISTRY_SITES,
  SITE_DOMAINS,
} from './service/sites.js';
export { nameMatchScore, pickWebsite } from './service/website.js';
export { serpTools } from './tools/index.js';
