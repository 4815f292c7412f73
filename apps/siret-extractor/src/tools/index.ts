import type { AnyTool } from '@mcp/core';
import type { ExtractorDeps } from '../deps.js';
import { extractBatch } from './extract_batch.js';
import { extractFromHtml } from './extract_from_html.js';
import { extractFromText } from './extract_from_text.js';
import { extractFromUrl } from './extract_from_url.js';

/** The four tools of the siret-extractor server, wired to their dependencies. */
export const extractorTools = (deps: ExtractorDeps): AnyTool[] => [
  extractFromUrl(deps),
  extractFromHtml(deps),
  extractFromText(deps),
  extractBatch(deps),
];
