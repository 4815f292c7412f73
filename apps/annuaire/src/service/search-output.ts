// The page of companies that search_companies and search_near_point both answer with.
import { parseIdentifier, stripSeparators } from '@mcp/fr-ids';
import type { RawSearchResponse } from '@mcp/recherche-entreprises';
import * as z from 'zod/v4';
import { CompanySummarySchema, PageInfoSchema } from '../schemas.js';
import { mapCompanySummary } from './mappers/company.js';
import { mapPageInfo } from './mappers/page.js';

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
 * "356 000 000", "356.000.000.00048" or a VAT number "FR 39 356 000 000" typed as a query means an
 * identifier: the API only recognises bare SIREN/SIRET digits. Anything else is left as written.
 */
export const normalizeQuery = (query: string): { q: string; identifier: boolean } => {
  const trimmed = query.trim();
  const id = parseIdentifier(trimmed);
  if (id.ok && id.value.type === 'tva' && id.value.siren) return { q: id.value.siren, identifier: true };
  if (/^[\d\s.\u00a0\u202f]+$/.test(trimmed)) {
    const digits = stripSeparators(trimmed);
    if (digits.length === 9 || digits.length === 14) return { q: digits, identifier: true };
  }
  return { q: trimmed, identifier: false };
};
