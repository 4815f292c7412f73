import { defineTool, toolError } from '@mcp/core';
import * as z from 'zod/v4';
import { buildAnswer } from '../extract/answer.js';
import { analyzeHtml } from '../extract/index.js';
import { extractionSchema, READ_ONLY, verifyInput } from './schemas.js';
import { type ExtractorDeps, maybeVerify, tooLarge } from './shared.js';

export const extractFromHtml = (deps: ExtractorDeps) =>
  defineTool({
    name: 'extract_from_html',
    title: 'SIREN/SIRET from an HTML page',
    description:
      'Reads the publisher’s SIREN, SIRET, TVA and RCS from one HTML page you already have (a mentions légales page, a footer). Tables, &nbsp; and numbers split across tags are handled; phones, host numbers and placeholders are not taken for the publisher.',
    input: z.object({
      html: z.string().min(1).describe('The page’s HTML, at most 3 MB'),
      url: z
        .url({ protocol: /^https?$/ })
        .optional()
        .describe('Where the HTML comes from; reported as source_url'),
      verify: verifyInput,
    }),
    output: extractionSchema,
    annotations: { ...READ_ONLY, openWorldHint: false },
    async handler({ html, url, verify }, { signal }) {
      const big = tooLarge('html', html);
      if (big) return toolError('invalid_input', big, { fields: ['html'] });
      const answer = buildAnswer([analyzeHtml(html, url ?? null)], 0);
      return maybeVerify(answer, verify, deps, signal);
    },
  });
