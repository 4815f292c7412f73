import { defineTool, fail } from '@mcp/core';
import * as z from 'zod/v4';
import type { SerpDeps } from '../deps.js';
import { answerFields, marketInput } from '../schemas.js';
import { mentionsQuery, withoutExcluded } from '../service/mentions.js';

export const searchCompanyMentions = (deps: SerpDeps) =>
  defineTool({
    name: 'search_company_mentions',
    title: 'Search mentions of a company',
    description:
      'News and web pages that talk about a company, leaving out its own website and the registries/directories ' +
      '(Pappers, Societe.com, Infogreffe, annuaire-entreprises, LinkedIn, Verif, Manageo…). Give `website` so its own ' +
      'pages are excluded too. Uses one search.',
    input: z.object({
      name: z.string().trim().min(2).max(200).describe('company name as people write it, e.g. "Ganymède"'),
      city: z.string().trim().min(2).max(100).optional().describe('commune, to tell namesakes apart'),
      website: z
        .string()
        .trim()
        .min(3)
        .max(200)
        .optional()
        .describe('the company’s own domain, excluded (e.g. edf.fr)'),
      exclude_domains: z
        .array(z.string().trim().min(3).max(200))
        .max(10)
        .optional()
        .describe('more domains to leave out'),
      ...marketInput,
    }),
    output: z.object({
      ...answerFields,
      excluded_domains: z.array(z.string()).describe('domains left out, in the query or after it'),
      filtered_out: z
        .number()
        .int()
        .describe('results dropped after the search because their domain is excluded'),
    }),
    annotations: { readOnlyHint: true, idempotentHint: true, openWorldHint: true },
    async handler(args, { signal, log }) {
      const { query, excluded } = mentionsQuery(args.name, {
        ...(args.city ? { city: args.city } : {}),
        ...(args.website ? { website: args.website } : {}),
        ...(args.exclude_domains ? { exclude: args.exclude_domains } : {}),
      });
      const res = await deps.search({
        query,
        num: args.num,
        country: args.country,
        language: args.language,
        page: args.page,
        signal,
      });
      if (!res.ok) {
        log.warn({ code: res.error.code }, 'mentions search failed');
        return fail(res.error);
      }
      const results = withoutExcluded(res.value.results, excluded);
      return {
        query: res.value.query,
        provider: res.value.provider,
        providers_failed: res.value.providers_failed,
        cached: res.value.cached,
        results,
        excluded_domains: excluded,
        filtered_out: res.value.results.length - results.length,
      };
    },
  });
