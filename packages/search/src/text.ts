import * as cheerio from 'cheerio';
import type { SearchResult } from './types.js';

/** Collapses runs of whitespace (incl. NBSP) and trims. */
export const cleanText = (text: string): string => text.replace(/[\s\u00a0]+/g, ' ').trim();

/** Brave and Google put `<strong>`/`<b>` and entities in snippets; agents want plain text. */
export const htmlToText = (html: string): string => {
  if (!/[<&]/.test(html)) return cleanText(html);
  return cleanText(cheerio.load(`<body>${html}</body>`)('body').text());
};

/** Host name, lower case, without `www.`; undefined when the URL does not parse or is not http(s). */
export const domainOf = (url: string): string | undefined => {
  try {
    const parsed = new URL(url);
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return undefined;
    return parsed.hostname.toLowerCase().replace(/^www\./, '');
  } catch {
    return undefined;
  }
};

export interface RawResult {
  title: string | undefined;
  url: string | undefined;
  snippet?: string | undefined;
  date?: string | null | undefined;
}

/**
 * Builds the common result list: drops entries without a usable http(s) URL or title, drops duplicate
 * URLs (providers repeat sitelinks), and numbers what is left from 1.
 */
export const toResults = (raws: readonly RawResult[], limit?: number): SearchResult[] => {
  const seen = new Set<string>();
  const out: SearchResult[] = [];
  for (const raw of raws) {
    if (!raw.url || !raw.title) continue;
    const domain = domainOf(raw.url);
    if (!domain || seen.has(raw.url)) continue;
    seen.add(raw.url);
    const result: SearchResult = {
      position: out.length + 1,
      title: cleanText(raw.title),
      url: raw.url,
      domain,
      snippet: raw.snippet ? cleanText(raw.snippet) : '',
    };
    const date = raw.date ? cleanText(raw.date) : '';
    if (date) result.date = date;
    out.push(result);
    if (limit !== undefined && out.length >= limit) break;
  }
  return out;
};
