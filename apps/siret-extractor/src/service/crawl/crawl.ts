import { type ErrorCode, err, type FetchBudget, isBudgetSpent, ok, type Result } from '@mcp/core';
import {
  DEFAULT_HTML_LIMITS,
  type HtmlLimits,
  type HtmlOutcome,
  type HtmlRefusal,
  isPageFault,
  runHtmlTask,
} from '@mcp/html';
import type { FetchedPage, PageFetcher, Progress } from '../../upstream/types.js';
import { buildAnswer } from '../extract/answer.js';
import type { PageAnalysis } from '../extract/page.js';
import { readPageTask, readSitemapTask } from '../extract/tasks.js';
import { COMMON_LEGAL_PATHS, type RankedLink } from './links.js';

export interface CrawlOptions {
  /** Most HTTP fetches for this site, home page and sitemap included. */
  maxPages: number;
  signal: AbortSignal;
  progress?: Progress;
  /** Size, depth and time limits of one page's parse (default: @mcp/html's). */
  htmlLimits?: HtmlLimits;
  /** The request's outbound fetch budget; once spent the crawl stops where it is. */
  budget?: FetchBudget;
}

export interface CrawlResult {
  pages: PageAnalysis[];
  pagesFetched: number;
  /** Fetches that failed along the way ("https://x.fr/legal: not_found …"). */
  notes: string[];
  /** True when the request's fetch budget ran out before the crawl was done: the answer may be partial. */
  budgetExhausted: boolean;
}

/** Links scoring at least this say where the legal notice is; below, the site gets guessed paths too. */
const STRONG_LINK = 85;
const MIN_LINK = 30;

const isHtml = (page: FetchedPage): boolean =>
  /html|xml/i.test(page.contentType ?? '') || /^\s*</.test(page.text.slice(0, 200));

const kindOf = (page: FetchedPage): 'html' | 'text' | null => {
  if (isHtml(page)) return 'html';
  if (/text\/(?:plain|markdown)/i.test(page.contentType ?? '')) return 'text';
  return null;
};

/** A hostile or broken page is too large for us; a full pool or a cancelled call is not the page's fault. */
const refusalCode = (refusal: HtmlRefusal): ErrorCode =>
  isPageFault(refusal)
    ? 'upstream_too_large'
    : refusal.reason === 'busy'
      ? 'rate_limited'
      : 'upstream_timeout';

/** `https://x.fr/: unreadable, upstream_too_large (the HTML nests elements more than 512 deep)` */
const unreadable = (url: string, refusal: HtmlRefusal): string =>
  `${url}: unreadable, ${refusalCode(refusal)} (${refusal.message})`;

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
  const limits = options.htmlLimits ?? DEFAULT_HTML_LIMITS;

  /** One page's analysis and legal links, parsed off the event loop; a refusal when over the limits. */
  const read = async (
    page: FetchedPage,
  ): Promise<HtmlOutcome<{ analysis: PageAnalysis | null; links: RankedLink[] }>> => {
    const kind = kindOf(page);
    if (kind === null) return { ok: true, value: { analysis: null, links: [] } };
    return runHtmlTask(
      readPageTask,
      { html: page.text, url: page.url, kind, links: kind === 'html' },
      { limits, signal },
    );
  };

  let budgetExhausted = false;

  const fetchOne = async (url: string): Promise<Result<FetchedPage> | null> => {
    if (fetched >= maxPages || budgetExhausted || tried.has(url) || signal.aborted) return null;
    tried.add(url);
    const res = await fetchPage(url, signal, options.budget);
    if (!res.ok && isBudgetSpent(res.error)) {
      // Not fetched: it does not count as a page, and no later page can be fetched either.
      budgetExhausted = true;
      return res;
    }
    fetched += 1;
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

  /** Legal-looking links still to follow, best first; pages we visit can add strong ones. */
  const queue: RankedLink[] = [];
  const enqueue = (links: RankedLink[], min: number) => {
    for (const l of links) {
      if (l.score >= min && !tried.has(l.url) && !queue.some((q) => q.url === l.url)) queue.push(l);
    }
    queue.sort((a, b) => b.score - a.score);
  };
  let strongLinkSeen = false;

  /** Fetches and analyses one page; true when the publisher is now known. */
  const visit = async (url: string): Promise<boolean> => {
    const res = await fetchOne(url);
    if (!res) return false;
    if (!res.ok) {
      notes.push(`${url}: ${res.error.code} (${res.error.message})`);
      return false;
    }
    const page = await read(res.value);
    if (!page.ok) {
      notes.push(unreadable(url, page.error));
      return false;
    }
    if (page.value.analysis) pages.push(page.value.analysis);
    if (found(pages)) return true;
    // An "à propos" or CGV page often links to the legal notice the home page does not.
    const links = page.value.links;
    strongLinkSeen ||= links.some((l) => l.score >= STRONG_LINK);
    enqueue(links, STRONG_LINK);
    return false;
  };

  const home = await fetchOne(startUrl);
  if (!home)
    return err('invalid_input', 'max_pages must allow at least one fetch', { fields: ['max_pages'] });
  if (!home.ok) return home;
  const homeRead = await read(home.value);
  if (!homeRead.ok) {
    // The page asked for is the one a hostile site would make unreadable: say so as an error.
    return err(
      refusalCode(homeRead.error),
      `${home.value.url} could not be read: ${homeRead.error.message}`,
      {
        url: home.value.url,
        reason: homeRead.error.reason,
        ...(homeRead.error.limit === undefined ? {} : { limit: homeRead.error.limit }),
      },
    );
  }
  if (homeRead.value.analysis) pages.push(homeRead.value.analysis);
  const done = () => ok({ pages, pagesFetched: fetched, notes, budgetExhausted });
  if (found(pages)) return done();

  const homeLinks = homeRead.value.links;
  strongLinkSeen = homeLinks.some((l) => l.score >= STRONG_LINK);
  enqueue(homeLinks, MIN_LINK);
  // Given a deep page, the site's home page is where the footer link to the notice lives.
  const root = new URL('/', home.value.url).href;
  enqueue([{ url: root, score: 45, text: 'home page' }], 0);
  for (let next = queue.shift(); next; next = queue.shift()) {
    if (fetched >= maxPages || budgetExhausted) return done();
    if (await visit(next.url)) return done();
  }
  if (strongLinkSeen) return done();

  const origin = new URL(home.value.url).origin;
  for (const path of COMMON_LEGAL_PATHS) {
    if (fetched >= maxPages || budgetExhausted) return done();
    if (await visit(new URL(path, origin).href)) return done();
  }

  const sitemapQueue = [new URL('/sitemap.xml', origin).href];
  for (let i = 0; i < sitemapQueue.length && i < 2 && fetched < maxPages; i++) {
    const res = await fetchOne(sitemapQueue[i] as string);
    if (!res?.ok) {
      if (res) notes.push(`${sitemapQueue[i]}: ${res.error.code}`);
      continue;
    }
    const parsed = await runHtmlTask(
      readSitemapTask,
      { html: res.value.text, url: res.value.url },
      { limits, signal },
    );
    if (!parsed.ok) {
      notes.push(unreadable(res.value.url, parsed.error));
      continue;
    }
    const map = parsed.value;
    // WordPress/Yoast indexes list page-sitemap.xml next to post sitemaps: legal pages are pages.
    sitemapQueue.push(
      ...map.sitemaps.sort((a, b) => Number(/page/i.test(b)) - Number(/page/i.test(a))).slice(0, 1),
    );
    for (const link of map.pages) {
      if (fetched >= maxPages || budgetExhausted) return done();
      if (await visit(link.url)) return done();
    }
  }
  return done();
};
