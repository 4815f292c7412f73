import { err, ok, type Result } from '@mcp/core';
import { buildAnswer } from '../extract/answer.js';
import { analyzeHtml, analyzeText } from '../extract/index.js';
import type { PageAnalysis } from '../extract/page.js';
import { COMMON_LEGAL_PATHS, findLegalLinks, parseSitemap, type RankedLink } from './links.js';
import type { FetchedPage, PageFetcher, Progress } from './types.js';

export interface CrawlOptions {
  /** Most HTTP fetches for this site, home page and sitemap included. */
  maxPages: number;
  signal: AbortSignal;
  progress?: Progress;
}

export interface CrawlResult {
  pages: PageAnalysis[];
  pagesFetched: number;
  /** Fetches that failed along the way ("https://x.fr/legal: not_found …"). */
  notes: string[];
}

/** Links scoring at least this say where the legal notice is; below, the site gets guessed paths too. */
const STRONG_LINK = 85;
const MIN_LINK = 30;

const isHtml = (page: FetchedPage): boolean =>
  /html|xml/i.test(page.contentType ?? '') || /^\s*</.test(page.text.slice(0, 200));

const analyze = (page: FetchedPage): PageAnalysis | null => {
  if (isHtml(page)) return analyzeHtml(page.text, page.url);
  if (/text\/(?:plain|markdown)/i.test(page.contentType ?? '')) return analyzeText(page.text, page.url);
  return null;
};

const found = (pages: PageAnalysis[]): boolean => buildAnswer(pages, 0).siren !== null;

/**
 * Finds the publisher of a site with as few fetches as possible: the home page, then its links to the
 * legal notice (best first), then — only when no link named one — common paths and the sitemap.
 * Stops at the first page that yields a publisher SIREN.
 */
export const crawlSite = async (
  startUrl: string,
  fetchPage: PageFetcher,
  options: CrawlOptions,
): Promise<Result<CrawlResult>> => {
  const { maxPages, signal } = options;
  const pages: PageAnalysis[] = [];
  const notes: string[] = [];
  const tried = new Set<string>();
  let fetched = 0;

  const fetchOne = async (url: string): Promise<Result<FetchedPage> | null> => {
    if (fetched >= maxPages || tried.has(url) || signal.aborted) return null;
    tried.add(url);
    fetched += 1;
    const res = await fetchPage(url, signal);
    if (res.ok) {
      tried.add(res.value.url);
      if (res.value.status >= 400) {
        return err('upstream_http', `${url} answered HTTP ${res.value.status}`, {
          url,
          status: res.value.status,
        });
      }
    }
    await options.progress?.(fetched, maxPages, `fetched ${url}`);
    return res;
  };

  /** Fetches and analyses one page; true when the publisher is now known. */
  const visit = async (url: string): Promise<boolean> => {
    const res = await fetchOne(url);
    if (!res) return false;
    if (!res.ok) {
      notes.push(`${url}: ${res.error.code} (${res.error.message})`);
      return false;
    }
    const page = analyze(res.value);
    if (page) pages.push(page);
    return found(pages);
  };

  const home = await fetchOne(startUrl);
  if (!home) return err('invalid_input', 'max_pages must allow at least one fetch', { field: 'max_pages' });
  if (!home.ok) return home;
  const homePage = analyze(home.value);
  if (homePage) pages.push(homePage);
  const done = () => ok({ pages, pagesFetched: fetched, notes });
  if (found(pages)) return done();

  const links: RankedLink[] = isHtml(home.value) ? findLegalLinks(home.value.text, home.value.url) : [];
  for (const link of links.filter((l) => l.score >= MIN_LINK)) {
    if (fetched >= maxPages) return done();
    if (await visit(link.url)) return done();
  }
  if (links.some((l) => l.score >= STRONG_LINK)) return done();

  const origin = new URL(home.value.url).origin;
  for (const path of COMMON_LEGAL_PATHS) {
    if (fetched >= maxPages) return done();
    if (await visit(new URL(path, origin).href)) return done();
  }

  const sitemapQueue = [new URL('/sitemap.xml', origin).href];
  for (let i = 0; i < sitemapQueue.length && i < 2 && fetched < maxPages; i++) {
    const res = await fetchOne(sitemapQueue[i] as string);
    if (!res?.ok) {
      if (res) notes.push(`${sitemapQueue[i]}: ${res.error.code}`);
      continue;
    }
    const map = parseSitemap(res.value.text, res.value.url);
    sitemapQueue.push(...map.sitemaps.slice(0, 1));
    for (const link of map.pages) {
      if (fetched >= maxPages) return done();
      if (await visit(link.url)) return done();
    }
  }
  return done();
};
