import { defineTool, fail, toolError } from '@mcp/core';
import * as z from 'zod/v4';
import type { AnnuaireDeps } from '../deps.js';
import { CompanyRefSchema, OfficerSchema, PageInfoSchema } from '../schemas.js';
import { pagingShape, sirenField, siretField } from '../service/inputs.js';
import { lookupCompany } from '../service/lookup.js';
import { toCompanyRef } from '../service/mappers/company.js';
import { mapOfficer, officerMatches } from '../service/mappers/officers.js';
import { mapPageInfo, pageCapError } from '../service/mappers/page.js';
import { birthDateRange } from '../service/query.js';

const output = z.object({
  mode: z
    .enum(['company', 'person'])
    .describe('company: officers of one company; person: companies of one person'),
  company: CompanyRefSchema.nullable().describe('mode company: the company'),
  officers: z.array(OfficerSchema).describe('mode company: its officers'),
  companies: z
    .array(
      CompanyRefSchema.extend({ roles: z.array(OfficerSchema).describe('The named person’s entries there') }),
    )
    .describe('mode person: companies where the person is an officer'),
  paging: PageInfoSchema.nullable().describe('mode person: paging of the company list'),
});

export const getOfficers = ({ api }: AnnuaireDeps) =>
  defineTool({
    name: 'get_officers',
    title: 'Officers (dirigeants), both ways',
    description:
      'Either the officers of a company (give siren or siret): people and companies with their role ' +
      '(président, gérant, commissaire aux comptes…) and birth month; or the reverse (give last_name, ' +
      'optionally first_names and a birth-year range): the companies where that person is an officer, ' +
      'with the roles they hold there.',
    input: z.object({
      siren: sirenField.optional(),
      siret: siretField.optional(),
      last_name: z.string().trim().min(2).max(100).optional().describe('Officer last name (reverse lookup)'),
      first_names: z
        .string()
        .trim()
        .min(1)
        .max(100)
        .optional()
        .describe('Officer first name(s), narrows the reverse lookup'),
      birth_year_min: z.number().int().min(1900).max(2100).optional().describe('Born in or after this year'),
      birth_year_max: z.number().int().min(1900).max(2100).optional().describe('Born in or before this year'),
      ...pagingShape,
    }),
    output,
    annotations: { readOnlyHint: true, idempotentHint: true, openWorldHint: true },
    async handler(args, { signal }) {
      const { siren, siret, last_name, first_names, birth_year_min, birth_year_max, page, per_page } = args;
      if (siren || siret) {
        if (last_name) {
          return toolError('invalid_input', 'Give either siren/siret or last_name, not both.', {
            fields: ['siren', 'siret', 'last_name'],
          });
        }
        const id = siret ? { siren: siret.slice(0, 9), siret } : { siren: siren as string };
        const found = await lookupCompany(api, id, signal);
        if (!found.ok) return fail(found.error);
        const c = found.value.company;
        return {
          mode: 'company' as const,
          company: toCompanyRef(c),
          officers: (c.dirigeants ?? []).map(mapOfficer),
          companies: [],
          paging: null,
        };
      }
      if (!last_name) {
        return toolError(
          'invalid_input',
          'Give siren or siret (officers of a company) or last_name (companies of a person).',
          {
            fields: ['siren', 'siret', 'last_name'],
          },
        );
      }
      if (birth_year_min !== undefined && birth_year_max !== undefined && birth_year_min > birth_year_max) {
        return toolError(
          'invalid_input',
          `birth_year_min (${birth_year_min}) must not exceed birth_year_max (${birth_year_max}).`,
          {
            fields: ['birth_year_min', 'birth_year_max'],
          },
        );
      }
      const capped = pageCapError(page, per_page);
      if (capped) return toolError('invalid_input', capped, { fields: ['page', 'per_page'] });
      const res = await api.search(
        {
          nom_personne: last_name,
          ...(first_names ? { prenoms_personne: first_names } : {}),
          ...birthDateRange(birth_year_min, birth_year_max),
          type_personne: 'DIRIGEANT',
          page,
          per_page,
        },
        signal,
      );
      if (!res.ok) return fail(res.error);
      return {
        mode: 'person' as const,
        company: null,
        officers: [],
        companies: res.value.results.map((c) => ({
          ...toCompanyRef(c),
          roles: (c.dirigeants ?? [])
            .map(mapOfficer)
            .filter((o) => officerMatches(o, last_name, first_names)),
        })),
        paging: mapPageInfo(res.value, page, per_page),
      };
    },
  });
