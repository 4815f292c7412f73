import { defineTool, fail } from '@mcp/core';
import * as z from 'zod/v4';
import type { SerpDeps } from '../deps.js';
import { answerFields, marketInput, queryInput } from '../schemas.js';

export const webSearch = (deps: SerpDeps) =>
  defineTool({
    name: 'web_search',
    title: 'Web search',
    description:
      'Web search through the configured provider chain (Serper, SerpAPI, Brave, SearXNG, Google CSE, then keyless DuckDuckGo). ' +
      'Returns organic results {position, title, url, domain, snippet, date?}, the provider that answered and those that failed. ' +
      'Defaults to the French market (country fr, language fr). Use `site` to stay on one domain (pappers.fr).',
    input: z.object({
      query: queryInput.describe(
        'search terms, 1..400 characters; operators such as "…" and -word pass through',
      ),
      ...marketInput,
      site: z
        .string()
        .trim()
        .min(3)
        .max(200)
        .optional()
        .describe('restrict to one domain, e.g. pappers.fr or linkedin.com/company'),
    }),
    output: z.object(answerFields),
    annotations: { readOnlyHint: true, idempotentHint: true, openWorldHint: true },
    async handler(args, { signal, log }) {
      const res = await deps.search({ ...args, signal });
      if (!res.ok) {
        log.warn({ code: res.error.code }, 'web search failed');
        return fail(res.error);
      }
      const { query, provider, providers_failed, cached, results } = res.value;
      return { query, provider, providers_failed, cached, results };
    },
  });
