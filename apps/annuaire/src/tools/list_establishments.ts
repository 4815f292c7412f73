import { defineTool, fail, toolError } from '@mcp/core';
import { ESTABLISHMENTS_PER_PAGE, type RawEstablishment } from '@mcp/recherche-entreprises';
import * as z from 'zod/v4';
import type { AnnuaireDeps } from '../deps.js';
import { EstablishmentSchema } from '../schemas.js';
import { sirenField } from '../service/inputs.js';
import { mapEstablishment, matchesState, text } from '../service/mappers/establishment.js';

const output = z.object({
  siren: z.string(),
  company_name: z.string().nullable(),
  state: z.enum(['active', 'closed', 'all']).describe('The state filter applied to this page'),
  page: z.number(),
  per_page: z.number().describe('Establishments per page of the register (100)'),
  total_establishments: z.number().nullable().describe('Every establishment the company ever had'),
  open_establishments: z.number().nullable(),
  total_pages: z.number().nullable(),
  complete: z
    .boolean()
    .describe('false when the API did not list the establishments and only the head office is shown'),
  establishments: z.array(EstablishmentSchema),
  note: z.string().nullable(),
});

export const listEstablishments = ({ api }: AnnuaireDeps) =>
  defineTool({
    name: 'list_establishments',
    title: 'Establishments of a company (liste des établissements)',
    description:
      'Every establishment (établissement, SIRET) of one company by SIREN, 100 a page as the register ' +
      'pages them: SIRET, address, head-office flag, state (active/closed), activity (NAF), creation date, ' +
      'headcount band. state filters the page served (active, closed or all); total_pages counts pages of ' +
      'all establishments, whatever the filter. For one establishment by SIRET, use get_company.',
    input: z.object({
      siren: sirenField,
      state: z.enum(['active', 'closed', 'all']).default('all').describe('active, closed (fermé) or all'),
      page: z.number().int().min(1).max(1000).default(1).describe('Page of 100 establishments, 1–1000'),
    }),
    output,
    annotations: { readOnlyHint: true, idempotentHint: true, openWorldHint: true },
    async handler({ siren, state, page }, { signal }) {
      const res = await api.search(
        {
          q: siren,
          include_admin: 'etablissements',
          minimal: true,
          include: 'siege',
          page_etablissements: page,
          page: 1,
          per_page: 1,
        },
        signal,
      );
      if (!res.ok) return fail(res.error);
      const company = res.value.results.find((r) => r.siren === siren);
      if (!company) {
        return toolError(
          'not_found',
          `Aucune entreprise avec le SIREN ${siren} dans le répertoire Sirene. No company with SIREN ${siren} in the French register.`,
          { siren },
        );
      }
      const total = company.nombre_etablissements;
      const totalPages = total === null ? null : Math.max(1, Math.ceil(total / ESTABLISHMENTS_PER_PAGE));
      const base = {
        siren,
        company_name: text(company.nom_complet),
        state,
        page,
        per_page: ESTABLISHMENTS_PER_PAGE,
        total_establishments: total,
        open_establishments: company.nombre_etablissements_ouverts,
        total_pages: totalPages,
      };
      if (company.etablissements === null) {
        const shown = company.siege && text(company.siege.siret) ? [company.siege] : [];
        return {
          ...base,
          complete: false,
          establishments: shown.filter((e) => matchesState(e, state)).map(mapEstablishment),
          note: "L'API n'a pas listé les établissements : seul le siège est donné. The register API did not list the establishments for this page; only the head office is shown. Try again later, or search by postal_code with search_companies.",
        };
      }
      const listed = company.etablissements.filter((e) => e !== null) as RawEstablishment[];
      const kept = listed.filter((e) => matchesState(e, state));
      const notes: string[] = [];
      if (totalPages !== null && page > totalPages)
        notes.push(`Page ${page} is past the last page (${totalPages}).`);
      if (state !== 'all') {
        notes.push(
          `${kept.length} of the ${listed.length} establishments of this page are ${state}; the filter applies page by page, so other pages may hold more.`,
        );
      }
      return {
        ...base,
        complete: true,
        establishments: kept.map(mapEstablishment),
        note: notes.length ? notes.join(' ') : null,
      };
    },
  });
