import { defineTool, fail } from '@mcp/core';
import * as z from 'zod/v4';
import type { ExtractorDeps } from '../deps.js';
import { extractionSchema, READ_ONLY, verifyInput } from '../schemas.js';
import { extractSite } from '../service/extraction.js';

export const extractFromUrl = (deps: ExtractorDeps) =>
  defineTool({
    name: 'extract_from_url',
    title: 'SIREN/SIRET of a website’s publisher',
    description:
      'Finds who publishes a website: fetches the home page, follows its legal-notice links (mentions légales, legal, CGV/CGU, à propos, contact), then common paths and the sitemap only if needed, and reads the publisher’s SIREN, SIRET, TVA intracommunautaire and RCS. Host (hébergeur), photographer and designer numbers are reported as candidates with their role, never as the publisher. Stops at the first page naming the publisher.',
    input: z.object({
      url: z
        .string()
        .min(1)
        .describe('Site or page URL, e.g. https://example.fr (a bare domain gets https://)'),
      max_pages: z
        .number()
        .int()
        .min(1)
        .max(20)
        .default(5)
        .describe('Most pages fetched for this site (1–20)'),
      verify: verifyInput,
    }),
    output: extractionSchema,
    annotations: READ_ONLY,
    async handler({ url, max_pages, verify }, { signal, log, progress, fetchBudget }) {
      const res = await extractSite(
        url,
        { maxPages: max_pages, verify, signal, progress, budget: fetchBudget },
        deps,
      );
      if (!res.ok) {
        log.info({ url, code: res.error.code }, 'site could not be read');
        return fail(res.error);
      }
      return res.value;
    },
  });
