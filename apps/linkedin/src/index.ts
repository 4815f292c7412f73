// Public surface of @mcp/linkedin. Named exports only; types apart.

export type { LinkedInEnv, LinkedInFetchConfig } from './config.js';
export { fetchConfigFromEnv, linkedinEnvSchema, parseHeaderList } from './config.js';
export type { CompanyData, Headquarters } from './extract/company.js';
export { extractCompany } from './extract/company.js';
export type { ProfileData } from './extract/profile.js';
export { extractProfile } from './extract/profile.js';
export { parseCompanyTitle, parseProfileTitle } from './extract/titles.js';
export { INSTRUCTIONS, linkedinServer } from './server.js';
export { linkedinTools } from './tools/index.js';
export type { LinkedInRef, RefKind } from './urls.js';
export { canonicalUrl, parseRef, rebaseLinkedInUrl, refFromUrl } from './urls.js';
