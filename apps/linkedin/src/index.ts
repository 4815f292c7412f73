// Public surface of @mcp/linkedin. Named exports only; types apart.

export type { LinkedInEnv, LinkedInFetchConfig } from './config.js';
export { fetchConfigFromEnv, linkedinEnv, parseHeaderList } from './config.js';
export type { LinkedinDeps } from './deps.js';
export { createLinkedinDeps } from './deps.js';
export { INSTRUCTIONS, linkedinServer } from './server.js';
export type { CompanyData, Headquarters } from './service/extract/company.js';
export { extractCompany } from './service/extract/company.js';
export type { ProfileData } from './service/extract/profile.js';
export { extractProfile } from './service/extract/profile.js';
export { parseCompanyTitle, parseProfileTitle } from './service/extract/titles.js';
export type { LinkedInRef, RefKind } from './service/urls.js';
export { canonicalUrl, parseRef, refFromUrl } from './service/urls.js';
export { linkedinTools } from './tools/index.js';
export { rebaseLinkedInUrl } from './upstream/hosts.js';
