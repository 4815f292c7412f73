import { defineHtmlTask } from '@mcp/html';
import { findLegalLinks, parseSitemap, type RankedLink } from '../crawl/links.js';
import { analyzeHtml, analyzeText } from './index.js';
import type { PageAnalysis } from './page.js';

/**
 * The parses of this app that read outside markup; run through @mcp/html's pool (guards, worker, time
 * limit). `html` is the page's body whatever its kind: the name is what the pool's guards read.
 */
export interface ReadPageInput {
  html: string;
  url: string | null;
  kind: 'html' | 'text';
  /** Also rank the page's links to the legal notice (crawl only; needs `url`). */
  links: boolean;
}

export interface ReadPageOutput {
  analysis: PageAnalysis;
  links: RankedLink[];
}

export const readPageTask = defineHtmlTask(
  import.meta.url,
  'siret.read_page',
  ({ html, url, kind, links }: ReadPageInput): ReadPageOutput => ({
    analysis: kind === 'html' ? analyzeHtml(html, url) : analyzeText(html, url),
    links: links && kind === 'html' && url !== null ? findLegalLinks(html, url) : [],
  }),
);

export const readSitemapTask = defineHtmlTask(
  import.meta.url,
  'siret.read_sitemap',
  ({ html, url }: { html: string; url: string }) => parseSitemap(html, url),
);
