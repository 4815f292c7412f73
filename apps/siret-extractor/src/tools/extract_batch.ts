import { defineTool, isBudgetSpent } from '@mcp/core';
import * as z from 'zod/v4';
import type { ExtractorDeps } from '../deps.js';
import { errorSchema, extractionSchema, READ_ONLY, verifyInput } from '../schemas.js';
import { type Answer, extractSite } from '../service/extraction.js';

const CONCURRENCY = 4;

export const extractBatch = (deps: ExtractorDeps) =>
  defineTool({
    name: 'extract_batch',
    title: 'SIREN/SIRET of up to 20 websites',
    description:
      'Runs extract_from_url on up to 20 sites, four at a time, and returns one result per URL in the order given: the extraction, or the error for that site (unreachable, forbidden target…). Progress is reported as each site finishes.',
    input: z.object({
      urls: z.array(z.string().min(1)).min(1).max(20).describe('Site URLs or bare domains, at most 20'),
      max_pages: z.number().int().min(1).max(20).default(5).describe('Most pages fetched per site (1–20)'),
      verify: verifyInput,
    }),
    output: z.object({
      results: z.array(
        z.object({
          url: z.string(),
          result: extractionSchema.nullable().describe('null when the site could not be read'),
          error: errorSchema.nullable(),
        }),
      ),
      succeeded: z.number().int(),
      failed: z.number().int(),
      budget_exhausted: z
        .boolean()
        .describe(
          'True when this HTTP request ran out of outbound page fetches (FETCH_BUDGET): some sites were read partly or not at all (error rate_limited)',
        ),
    }),
    annotations: READ_ONLY,
    async handler({ urls, max_pages, verify }, { signal, log, progress, fetchBudget }) {
      type Row = { url: string; result: Answer | null; error: { code: string; message: string } | null };
      const results: Row[] = new Array(urls.length);
      let next = 0;
      let done = 0;
      let cutShort = false;
      const worker = async () => {
        while (next < urls.length && !signal.aborted) {
          const i = next++;
          const url = urls[i] as string;
          const res = await extractSite(
            url,
            { maxPages: max_pages, verify, signal, budget: fetchBudget },
            deps,
          );
          if (res.ok ? res.value.budget_exhausted : isBudgetSpent(res.error)) cutShort = true;
          results[i] = res.ok
            ? { url, result: res.value, error: null }
            : { url, result: null, error: { code: res.error.code, message: res.error.message } };
          if (!res.ok) log.info({ url, code: res.error.code }, 'batch site failed');
          done += 1;
          await progress(
            done,
            urls.length,
            `${url}: ${res.ok ? (res.value.siren ?? 'no publisher SIREN') : res.error.code}`,
          );
        }
      };
      await Promise.all(Array.from({ length: Math.min(CONCURRENCY, urls.length) }, worker));
      const rows = results.map(
        (r, i) =>
          r ?? {
            url: urls[i] as string,
            result: null,
            error: { code: 'upstream_timeout', message: 'Cancelled before this site was read.' },
          },
      );
      return {
        results: rows,
        succeeded: rows.filter((r) => r.result !== null).length,
        failed: rows.filter((r) => r.result === null).length,
        budget_exhausted: cutShort,
      };
    },
  });
