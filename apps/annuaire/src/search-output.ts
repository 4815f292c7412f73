// The page of companies that search_companies and search_near_point both answer with.
import { stripSeparators } from '@mcp/fr-ids';
import * as z from 'zod/v4';
import { mapCompanySummary } from './mappers/company.js';
import { mapPageInfo } from './mappers/page.js';
import { CompanySummarySchema, PageInfoSchema } from './schemas.js';
import type { RawSearchResponse } from './upstream/types.js';

export const SearchOutputSchema = PageInfoSchema.extend({
  results: z.array(CompanySummarySchema),
});
export type SearchOutput = z.infer<typeof SearchOutputSchema>;

export const mapSearch = (
  raw: RawSearchResponse,
  page: number,
  perPage: number,
  notes: string[] = [],
): SearchOutput => {
  const info = mapPageInfo(raw, page, perPage);
  const note = [...notes, info.note].filter(Boolean).join(' ') || null;
  return { ...info, note, results: raw.results.map(mapCompanySummary) };
};

/**
 * "356 000 000" or "356.000.000.00048" typed as a query means an identifier: the API only recognises
 * it without separators. Anything else is left as written.
 */
export const normalizeQuery = (query: string): { q: string; identifier: boolean } => {
  const trimmed = query.trim();
  if (/^[\d\s.\u00a0\u202f]+$/.test(trimmed)) {
    const digits = stripSeparators(trimmed);
    if (digits.length === 9 || digits.length === 14) return { q: digits, identifier: true };
  }
  return { q: trimmed, identifier: false };
};
