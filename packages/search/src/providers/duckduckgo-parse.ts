import { type ErrorPayload, ok, type Result } from '@mcp/core';
import { defineHtmlTask } from '@mcp/html';
import * as cheerio from 'cheerio';
import { providerError } from '../errors.js';
import { cleanText, type RawResult, toResults } from '../text.js';
import type { SearchResult } from '../types.js';

/** Markers of DuckDuckGo's bot challenge page ("Unfortunately, bots use DuckDuckGo too."). */
const CHALLENGE = /anomaly-modal|id="challenge-form"|anomaly\.js|bots use DuckDuckGo too/;

export const isDuckDuckGoChallenge = (html: string): boolean => CHALLENGE.test(html);

/**
 * GET pages wrap links as `//duckduckgo.com/l/?uddg=<encoded>&rut=…`; POST pages give the target
 * directly. Ad clicks go through `duckduckgo.com/y.js` and are not results.
 */
export const unwrapDuckDuckGoHref = (href: string | undefined): string | undefined => {
  if (!href) return undefined;
  let url: URL;
  try {
    url = new URL(href, 'https://duckduckgo.com');
  } catch {
    return undefined;
  }
  if (url.hostname.endsWith('duckduckgo.com')) {
    if (url.pathname === '/l/') return unwrapDuckDuckGoHref(url.searchParams.get('uddg') ?? undefined);
    return undefined;
  }
  return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
};

/** DDG prints dates as `2026-02-13T00:00:00.0000000`; the seven-digit fraction adds nothing. */
const trimDate = (text: string): string | undefined => {
  const t = cleanText(text);
  if (!/^\d{4}-\d{2}-\d{2}/.test(t)) return undefined;
  return t.replace(/\.0+$/, '');
};

/** The "EOF" pseudo-result DDG appends at the end of results points at google.com/search. */
const isEofMarker = (title: string, url: string | undefined): boolean =>
  title === 'EOF' && (!url || /^https?:\/\/(www\.)?google\.com\/search/.test(url));

const parseHtmlEndpoint = ($: cheerio.CheerioAPI): RawResult[] => {
  const raws: RawResult[] = [];
  $('.result').each((_, el) => {
    const block = $(el);
    if (block.hasClass('result--ad') || block.hasClass('result--no-result')) return;
    const link = block.find('a.result__a').first();
    const title = cleanText(link.text());
    const url = unwrapDuckDuckGoHref(link.attr('href'));
    if (!title || isEofMarker(title, url)) return;
    const dateSpan = block
      .find('.result__extras__url > span')
      .filter((_, s) => !$(s).hasClass('result__icon'))
      .first();
    raws.push({
      title,
      url,
      snippet: block.find('.result__snippet').first().text(),
      date: trimDate(dateSpan.text()),
    });
  });
  return raws;
};

/** lite.duckduckgo.com: one table, a row per link followed by snippet / link-text / timestamp rows. */
const parseLiteEndpoint = ($: cheerio.CheerioAPI): RawResult[] => {
  const raws: RawResult[] = [];
  $('a.result-link').each((_, el) => {
    const link = $(el);
    const title = cleanText(link.text());
    const url = unwrapDuckDuckGoHref(link.attr('href'));
    if (!title || isEofMarker(title, url)) return;
    let snippet = '';
    let date: string | undefined;
    for (let row = link.closest('tr').next('tr'); row.length > 0; row = row.next('tr')) {
      if (row.find('a.result-link').length > 0) break;
      snippet ||= row.find('.result-snippet').text();
      date ??= trimDate(row.find('.timestamp').text());
    }
    raws.push({ title, url, snippet, date });
  });
  return raws;
};

/**
 * Parses a DuckDuckGo html (or lite) results page. The challenge page is `blocked`; the no-results
 * and end-of-results pages are honest empty answers.
 */
export const parseDuckDuckGo = (html: string, limit?: number): Result<SearchResult[], ErrorPayload> => {
  if (isDuckDuckGoChallenge(html)) {
    return providerError('blocked', 'DuckDuckGo served its bot challenge instead of results.', 'blocked');
  }
  const $ = cheerio.load(html);
  const raws = $('.result').length > 0 ? parseHtmlEndpoint($) : parseLiteEndpoint($);
  return ok(toResults(raws, limit));
};

/** The same parse, run off the event loop by @mcp/html's pool (guards, worker, time limit). */
export const duckDuckGoTask = defineHtmlTask(
  import.meta.url,
  'search.duckduckgo',
  ({ html }: { html: string }) => parseDuckDuckGo(html),
);
