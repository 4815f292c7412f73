import { defineTool, fail, toolError } from '@mcp/core';
import { parseSiren } from '@mcp/fr-ids';
import * as z from 'zod/v4';
import type { SerpDeps } from '../deps.js';
import { providerFailureSchema, providerId, sirenInput } from '../schemas.js';
import { findCompanyPages } from '../service/find-pages.js';
import { COMPANY_SITES } from '../service/sites.js';

const page = z.object({
  url: z.string().nullable(),
  title: z.string().nullable(),
  siren: z
    .string()
    .nullable()
    .describe('SIREN read from the URL (Pappers, Societe.com, annuaire, Infogreffe)'),
  siren_match: z
    .boolean()
    .nullable()
    .describe('that SIREN equals the asked one; null when either is unknown'),
  source: z
    .enum(['built', 'search'])
    .nullable()
    .describe('built from the SIREN (no search) or found by search'),
});

export const findCompanyPagesTool = (deps: SerpDeps) =>
  defineTool({
    name: 'find_company_pages',
    title: 'Find a company’s pages',
    description:
      'Finds where a French company is described: Pappers, Societe.com, annuaire-entreprises (data.gouv.fr), Infogreffe, ' +
      'its LinkedIn company page and its own website. Give `name` and/or `siren` (and `city` to disambiguate). ' +
      'Each page comes with the SIREN read from its URL and whether it matches the asked SIREN. A SIREN gives the ' +
      'Pappers, Societe.com, annuaire-entreprises and Infogreffe pages with no search spent (`source: "built"`); ' +
      'searches go only to LinkedIn and the website, kept to `max_searches` (default 2), so ask only the `sites` you ' +
      'need. `sirens_seen` lists the SIRENs found for a name.',
    input: z.object({
      name: z
        .string()
        .trim()
        .min(2)
        .max(200)
        .optional()
        .describe('raison sociale or brand, e.g. "Électricité de France"'),
      siren: sirenInput.optional(),
      city: z.string().trim().min(2).max(100).optional().describe('commune, to tell namesakes apart'),
      sites: z
        .array(z.enum(COMPANY_SITES))
        .min(1)
        .optional()
        .describe(
          'pages wanted (default all): pappers, societe, annuaire_entreprises, infogreffe, linkedin_company, website',
        ),
      max_searches: z
        .number()
        .int()
        .min(0)
        .max(6)
        .default(2)
        .describe('most web searches to spend (default 2; 0 = only what the SIREN gives for free)'),
    }),
    output: z.object({
      name: z.string().nullable(),
      siren: z.string().nullable(),
      city: z.string().nullable(),
      pages: z.object(
        Object.fromEntries(COMPANY_SITES.map((s) => [s, page])) as Record<
          (typeof COMPANY_SITES)[number],
          typeof page
        >,
      ),
      sirens_seen: z.array(z.object({ siren: z.string(), sites: z.array(z.string()) })),
      searches_spent: z.number().int(),
      queries: z.array(
        z.object({
          query: z.string(),
          provider: providerId.nullable(),
          cached: z.boolean(),
          results: z.number().int(),
          error: z.string().nullable(),
        }),
      ),
      providers_failed: z.array(providerFailureSchema),
    }),
    annotations: { readOnlyHint: true, idempotentHint: true, openWorldHint: true },
    async handler(args, { signal, log, progress }) {
      if (!args.name && !args.siren) {
        return toolError('invalid_input', 'Give name or siren (or both).', { fields: ['name', 'siren'] });
      }
      let siren: string | undefined;
      if (args.siren !== undefined) {
        const parsed = parseSiren(args.siren);
        if (!parsed.ok)
          return toolError('invalid_input', `siren: ${parsed.error.message}.`, { fields: ['siren'] });
        siren = parsed.value;
      }
      const res = await findCompanyPages(deps.search, {
        name: args.name,
        siren,
        city: args.city,
        sites: args.sites ?? COMPANY_SITES,
        maxSearches: args.max_searches,
        signal,
        onSearch: (done, budget) => progress(done, budget, `search ${done} of at most ${budget}`),
      });
      if (!res.ok) {
        log.warn({ code: res.error.code }, 'company page search failed');
        return fail(res.error);
      }
      return res.value;
    },
  });
