// Public surface of @mcp/recherche-entreprises. Named exports only; types apart.

export type {
  Nullable,
  RawCompany,
  RawComplements,
  RawEstablishment,
  RawImmatriculation,
  RawOfficer,
  RawSearchResponse,
} from './answer.js';
export { rawCompanySchema, rawSearchResponseSchema, toSearchAnswer } from './answer.js';
export type { RegisterClient, RegisterClientOptions } from './client.js';
export { createRegisterClient } from './client.js';
export type { RegisterEnv } from './env.js';
export { registerClientOptions, registerEnvShape } from './env.js';
export {
  API_MAX_PAGE,
  API_MAX_PER_PAGE,
  API_MAX_RESULTS,
  API_RATE_LIMIT_PER_SECOND,
  DEFAULT_BASE_URL,
  ESTABLISHMENTS_PER_PAGE,
  maxReachablePage,
} from './limits.js';
export type {
  BooleanParam,
  ListParam,
  NearPointQuery,
  Paging,
  RegisterFilters,
  SearchQuery,
} from './query.js';
export { BOOLEAN_PARAMS } from './query.js';
