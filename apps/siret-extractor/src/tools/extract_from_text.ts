import { defineTool, toolError } from '@mcp/core';
import * as z from 'zod/v4';
import type { ExtractorDeps } from '../deps.js';
import { extractionSchema, READ_ONLY, verifyInput } from '../schemas.js';
import { buildAnswer } from '../service/extract/answer.js';
import { analyzeArgument, maybeVerify, tooLarge } from '../service/extraction.js';

export const extractFromText = (deps: ExtractorDeps) =>
  defineTool({
    name: 'extract_from_text',
    title: 'SIREN/SIRET from text or Markdown',
    description:
      'Reads the publisher’s SIREN, SIRET, TVA and RCS from plain text or Markdown (a copied legal notice, a Hugo/Jekyll mentions-legales.md). Markdown headings tell the publisher (Éditeur) from the host (Hébergeur) and credits.',
    input: z.object({
      text: z.string().min(1).describe('Plain text or Markdown, at most 3 MB'),
      url: z
        .url({ protocol: /^https?$/ })
        .optional()
        .describe('Where the text comes from; reported as source_url'),
      verify: verifyInput,
    }),
    output: extractionSchema,
    annotations: { ...READ_ONLY, openWorldHint: false },
    async handler({ text, url, verify }, { signal }) {
      const big = tooLarge('text', text);
      if (big) return toolError('invalid_input', big, { fields: ['text'] });
      // Markdown may embed HTML, parsed as such: the same depth and time limits apply.
      const page = await analyzeArgument('text', text, url ?? null, deps, signal);
      if (!page.ok) return page.failure;
      return maybeVerify(buildAnswer([page.value], 0), verify, deps, signal);
    },
  });
