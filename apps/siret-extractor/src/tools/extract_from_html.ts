import { defineTool } from '@mcp/core';
import { DEFAULT_HTML_LIMITS } from '@mcp/html';
import * as z from 'zod/v4';
import type { ExtractorDeps } from '../deps.js';
import { extractionSchema, READ_ONLY, verifyInput } from '../schemas.js';
import { buildAnswer } from '../service/extract/answer.js';
import { analyzeArgument, maybeVerify, megabytes } from '../service/extraction.js';

export const extractFromHtml = (deps: ExtractorDeps) =>
  defineTool({
    name: 'extract_from_html',
    title: 'SIREN/SIRET from an HTML page',
    description:
      'Reads the publisher’s SIREN, SIRET, TVA and RCS from one HTML page you already have (a mentions légales page, a footer). Tables, &nbsp; and numbers split across tags are handled; phones, host numbers and placeholders are not taken for the publisher.',
    input: z.object({
      html: z
        .string()
        .min(1)
        .describe(
          `The page’s HTML, at most ${megabytes((deps.htmlLimits ?? DEFAULT_HTML_LIMITS).maxBytes)} and ${(deps.htmlLimits ?? DEFAULT_HTML_LIMITS).maxDepth} levels of nesting`,
        ),
      url: z
        .url({ protocol: /^https?$/ })
        .optional()
        .describe('Where the HTML comes from; reported as source_url'),
      verify: verifyInput,
    }),
    output: extractionSchema,
    annotations: { ...READ_ONLY, openWorldHint: false },
    async handler({ html, url, verify }, { signal }) {
      const page = await analyzeArgument('html', html, url ?? null, deps, signal);
      if (!page.ok) return page.failure;
      return maybeVerify(buildAnswer([page.value], 0), verify, deps, signal);
    },
  });
