// Public surface of @mcp/serp. Named exports only; types apart.

export type { CompanyPages, FindPagesInput, PageFound, QuerySpent } from './company/find-pages.js';
export { findCompanyPages } from './company/find-pages.js';
export { mentionsQuery, withoutExcluded } from './company/mentions.js';
export type { CompanySite, DirectorySite, SitePage } from './company/sites.js';
export { annuaireUrl, COMPANY_SITES, classifyUrl, REGISTRY_DOMAINS, SITE_DOMAINS } from './company/sites.js';
export { nameMatchScore, pickWebsite } from './company/website.js';
export type { SerpEnv } from './config.js';
export { serpEnv } from './config.js';
export { serpServer } from './server.js';
export { serpTools } from './tools/index.js';
export type { SearchDeps } from './tools/web_search.js';
