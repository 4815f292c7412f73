import type { RawSearchResponse } from '@mcp/recherche-entreprises';
import { API_MAX_RESULTS, maxReachablePage } from '@mcp/recherche-entreprises';
import type * as z from 'zod/v4';
import type { PageInfoSchema } from '../../schemas.js';

export type PageInfo = z.infer<typeof PageInfoSchema>;

/**
 * Page info plus the API's hard cap said out loud: past 10 000 results (the API also counts no
 * higher than that) nobody can page further, so the agent must narrow the search instead.
 */
export const mapPageInfo = (raw: RawSearchResponse, page: number, perPage: number): PageInfo => {
  const reachable = maxReachablePage(perPage);
  const capped = raw.total_results >= API_MAX_RESULTS || raw.total_pages > reachable;
  let note: string | null = null;
  if (capped) {
    note =
      `Au moins ${raw.total_results} résultats : l'API n'en sert que ${API_MAX_RESULTS} (page ${reachable} au plus avec per_page=${perPage}), ajoutez des filtres pour affiner. ` +
      `At least ${raw.total_results} results: the API serves only the first ${API_MAX_RESULTS} (up to page ${reachable} at per_page=${perPage}); add filters to narrow the search.`;
  } else if (raw.total_results > 0 && page > raw.total_pages) {
    note = `Page ${page} is past the last page (${raw.total_pages}).`;
  }
  return {
    total_results: raw.total_results,
    page: raw.page ?? page,
    per_page: raw.per_page ?? perPage,
    total_pages: raw.total_pages,
    max_reachable_page: Math.min(reachable, Math.max(raw.total_pages, 1)),
    capped,
    note,
  };
};

/** Null when the request fits the API's window; else the sentence explaining why it cannot be served. */
export const pageCapError = (page: number, perPage: number): string | null =>
  page * perPage > API_MAX_RESULTS
    ? `page × per_page = ${page * perPage} exceeds the API cap of ${API_MAX_RESULTS} results ` +
      `(with per_page=${perPage} the last reachable page is ${maxReachablePage(perPage)}); narrow the search with filters instead of paging further. ` +
      `L'API ne sert pas au-delà de ${API_MAX_RESULTS} résultats : affinez la recherche avec des filtres.`
    : null;
