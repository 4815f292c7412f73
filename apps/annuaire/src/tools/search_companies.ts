import { defineTool, fail, toolError } from '@mcp/core';
import * as z from 'zod/v4';
import type { AnnuaireDeps } from '../deps.js';
import { filterShape, pagingShape } from '../service/inputs.js';
import { pageCapError } from '../service/mappers/page.js';
import { checkFilterRanges, hasAnyFilter, toRegisterFilters } from '../service/query.js';
import { mapSearch, normalizeQuery, SearchOutputSchema } from '../service/search-output.js';

export const searchCompanies = ({ api }: AnnuaireDeps) =>
  defineTool({
    name: 'search_companies',
    title: 'Search French companies (recherche d’entreprises)',
    description:
      'Full-text search of the French company register (Sirene + RNE) by name, SIREN, SIRET, officer name ' +
      'or address, with every filter of the API Recherche d’entreprises: location (code postal, département, ' +
      'région, commune, EPCI), activity (code NAF, section), legal form (catégorie juridique), size (PME/ETI/GE, ' +
      'tranche d’effectif), active/closed, labels (est_ess, est_rge, est_bio, est_qualiopi…), revenue and ' +
      'net-result ranges, officer name and birth year. At most 25 results a page and 10 000 in all: the ' +
      'answer says when a search is capped. A 9- or 14-digit query is an identifier lookup (filters ignored).',
    input: z.object({
      query: z
        .string()
        .trim()
        .min(1)
        .max(500)
        .optional()
        .describe(
          'Name, SIREN ("356 000 000"), SIRET, VAT number (FR…), officer name or address; optional when filters are given',
        ),
      ...filterShape,
      ...pagingShape,
    }),
    output: SearchOutputSchema,
    annotations: { readOnlyHint: true, idempotentHint: true, openWorldHint: true },
    async handler({ query, page, per_page, ...filters }, { signal }) {
      const filtered = hasAnyFilter(filters);
      if (!query && !filtered) {
        return toolError('invalid_input', 'Give a query or at least one filter.', { fields: ['query'] });
      }
      const normalized = query ? normalizeQuery(query) : undefined;
      if (normalized && !normalized.identifier && normalized.q.length < 3 && !filtered) {
        return toolError('invalid_input', 'query needs at least 3 characters unless a filter is given.', {
          fields: ['query'],
        });
      }
      const range = checkFilterRanges(filters);
      if (range) return toolError('invalid_input', range.message, { fields: range.fields });
      const capped = pageCapError(page, per_page);
      if (capped) return toolError('invalid_input', capped, { fields: ['page', 'per_page'] });

      const res = await api.search(
        { ...(normalized ? { q: normalized.q } : {}), ...toRegisterFilters(filters), page, per_page },
        signal,
      );
      if (!res.ok) return fail(res.error);
      const notes =
        normalized?.identifier && filtered
          ? ['The query is a SIREN/SIRET: the API ignores filters for identifier lookups.']
          : [];
      return mapSearch(res.value, page, per_page, notes);
    },
  });
