import { defineTool, fail } from '@mcp/core';
import * as z from 'zod/v4';
import type { LinkedinDeps } from '../deps.js';
import { bareDomain } from '../service/find/names.js';
import { rankCompanies } from '../service/find/rank-companies.js';
import { checkWebsite, websiteUrl } from '../service/find/website-check.js';

const candidateSchema = z.object({
  linkedin_url: z.string(),
  slug: z.string(),
  name: z.string().nullable().describe('page name from the search result title'),
  score: z.number().describe('0..1; compare within one answer only'),
  why: z.array(z.string()).describe('reasons this page was chosen'),
  found_on: z.array(z.enum(['website', 'search'])),
  search_position: z.number().int().nullable(),
  snippet: z.string().nullable(),
});

export const findCompany = ({
  search,
  fetchWebsite,
  htmlLimits,
}: Pick<LinkedinDeps, 'search' | 'fetchWebsite' | 'htmlLimits'>) =>
  defineTool({
    name: 'find_company',
    title: 'Find a company’s LinkedIn page',
    description:
      'Candidate LinkedIn company pages for a company name: the links on the company’s own website (footer, ' +
      'JSON-LD sameAs) and a web search restricted to linkedin.com/company, ranked, each with the reasons it was ' +
      'chosen (`why`). Give `website` whenever known: a link from the site itself is the strongest evidence. ' +
      'Follow up with get_company on the best candidate.',
    input: z.object({
      name: z
        .string()
        .trim()
        .min(2)
        .max(200)
        .describe('company name (raison sociale or brand), e.g. "Audiense"'),
      website: z
        .string()
        .trim()
        .min(4)
        .max(300)
        .optional()
        .describe('company website, e.g. https://www.audiense.com — its links to LinkedIn are checked'),
      siren: z
        .string()
        .transform((s) => s.replace(/\s/g, ''))
        .pipe(z.string().regex(/^\d{9}$/, 'must be 9 digits'))
        .optional()
        .describe('SIREN, 9 digits; counts when a result mentions it'),
      limit: z.number().int().min(1).max(10).default(5).describe('candidates to return (default 5)'),
    }),
    output: z.object({
      name: z.string(),
      candidates: z.array(candidateSchema),
      website_check: z
        .object({
          url: z.string(),
          ok: z.boolean(),
          links_found: z.number().int(),
          error: z.string().nullable(),
        })
        .nullable()
        .describe('null when no website was given'),
      search_check: z.object({
        query: z.string(),
        ok: z.boolean(),
        provider: z.string().nullable(),
        providers_failed: z.array(z.string()),
        error: z.string().nullable(),
      }),
    }),
    annotations: { readOnlyHint: true, idempotentHint: true, openWorldHint: true },
    async handler({ name, website, siren, limit }, { signal, log, progress, fetchBudget }) {
      await progress(0, 2, 'checking the website and searching');
      const query = `"${name.replace(/"/g, '')}"`;
      const siteUrl = website ? websiteUrl(website) : undefined;
      const [site, found] = await Promise.all([
        siteUrl
          ? checkWebsite(fetchWebsite, siteUrl, { signal, budget: fetchBudget, limits: htmlLimits })
          : Promise.resolve(undefined),
        search({ query, site: 'linkedin.com/company', num: 10, signal }),
      ]);
      await progress(1, 2, 'ranking');

      if (site?.error) log.info({ website: bareDomain(siteUrl), error: site.error }, 'website check failed');
      if (!found.ok) log.info({ code: found.error.code }, 'linkedin company search failed');
      if (!found.ok && !site?.answered) return fail(found.error);

      const hits = found.ok ? found.value.results : [];
      const candidates = rankCompanies({ name, website: siteUrl, siren }, site?.links ?? [], hits).slice(
        0,
        limit,
      );
      await progress(2, 2);
      return {
        name,
        candidates,
        website_check: site
          ? {
              url: site.url,
              ok: site.answered && site.error === null,
              links_found: site.links.length,
              error: site.error,
            }
          : null,
        search_check: {
          query: found.ok ? found.value.query : query,
          ok: found.ok,
          provider: found.ok ? found.value.provider : null,
          providers_failed: found.ok
            ? found.value.providers_failed.map((f) => `${f.provider}: ${f.code}`)
            : [],
          error: found.ok ? null : `${found.error.code}: ${found.error.message}`,
        },
      };
    },
  });
