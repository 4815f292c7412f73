import { defineTool, fail } from '@mcp/core';
import * as z from 'zod/v4';
import type { LinkedinDeps } from '../deps.js';
import { peopleFromHits, peopleQuery } from '../service/find/people.js';

const personSchema = z.object({
  name: z.string(),
  headline: z.string().nullable().describe('from the result title, e.g. "CEO"'),
  company: z.string().nullable().describe('company named in the result title, when there is one'),
  profile_url: z.string().describe('canonical https://www.linkedin.com/in/<id>/'),
  public_id: z.string(),
  snippet: z.string().nullable(),
  search_position: z.number().int(),
  mentions_company: z.boolean().describe('the company name appears in the title or snippet'),
  matches_role: z.boolean().nullable().describe('every role keyword appears; null without role'),
});

export const findPeople = ({ search }: Pick<LinkedinDeps, 'search'>) =>
  defineTool({
    name: 'find_people',
    title: 'Find people at a company on LinkedIn',
    description:
      'Public LinkedIn profile URLs of people at a company, from a web search restricted to linkedin.com/in, ' +
      'with names and headlines read from the result titles ("Jane Doe - CEO - Acme | LinkedIn"). Optional ' +
      '`role` keywords narrow it ("CEO", "directeur commercial", "DAF"). Search engines also list former staff and ' +
      'namesakes: check `mentions_company`, and confirm with get_profile when it matters.',
    input: z.object({
      company: z.string().trim().min(2).max(200).describe('company name, e.g. "Audiense"'),
      role: z
        .string()
        .trim()
        .min(2)
        .max(120)
        .optional()
        .describe('role keywords, e.g. "CEO" or "directeur commercial"'),
      limit: z
        .number()
        .int()
        .min(1)
        .max(20)
        .default(10)
        .describe('results to ask the search engine for (default 10)'),
    }),
    output: z.object({
      company: z.string(),
      role: z.string().nullable(),
      people: z.array(personSchema),
      query: z.string(),
      provider: z.string(),
      providers_failed: z.array(z.string()),
    }),
    annotations: { readOnlyHint: true, idempotentHint: true, openWorldHint: true },
    async handler({ company, role, limit }, { signal }) {
      const query = peopleQuery(company, role);
      const found = await search({ query, site: 'linkedin.com/in', num: limit, signal });
      if (!found.ok) return fail(found.error);
      return {
        company,
        role: role ?? null,
        people: peopleFromHits(found.value.results, company, role),
        query: found.value.query,
        provider: found.value.provider,
        providers_failed: found.value.providers_failed.map((f) => `${f.provider}: ${f.code}`),
      };
    },
  });
