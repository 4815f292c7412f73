// The API's limits, as it enforces them (over them: HTTP 400 or 429).

export const DEFAULT_BASE_URL = 'https://recherche-entreprises.api.gouv.fr';

/** The API's hard limit per IP; over it, 429 with Retry-After. */
export const API_RATE_LIMIT_PER_SECOND = 7;

/** The API refuses per_page > 25, page > 1000 and page × per_page > 10 000 (HTTP 400). */
export const API_MAX_PER_PAGE = 25;
export const API_MAX_PAGE = 1000;
export const API_MAX_RESULTS = 10_000;

export const maxReachablePage = (perPage: number): number =>
  Math.min(API_MAX_PAGE, Math.floor(API_MAX_RESULTS / perPage));

/**
 * The API serves every establishment of one SIREN 100 a page, from a pre-split document, when asked
 * `q=<siren>&include_admin=etablissements&page_etablissements=<n>` (search-api
 * app/elastic/helpers/helpers.py: should_get_doc_by_id, compute_doc_id = page × 100). The parameter is
 * not in its OpenAPI file but is what the annuaire-entreprises site itself calls.
 */
export const ESTABLISHMENTS_PER_PAGE = 100;
