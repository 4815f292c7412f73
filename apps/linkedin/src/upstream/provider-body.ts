import {
  type ErrorPayload,
  err,
  lenientObject,
  lenientText,
  ok,
  parseUpstream,
  type Result,
} from '@mcp/core';
import * as z from 'zod/v4';

/*
 * Scraping providers answer either with the page's HTML as the body (ScraperAPI, ScrapingBee by
 * default) or, with their JSON options, with the HTML inside a JSON object: `html` (ZenRows), `content`
 * (ScrapingAnt), `body` (Crawlbase), `result.content` (Scrapfly). A JSON answer goes through this
 * schema at the client boundary; the first member holding text is the page.
 */
const wrapperSchema = z
  .looseObject({
    html: lenientText(),
    content: lenientText(),
    body: lenientText(),
    result: lenientObject({ content: lenientText(), html: lenientText() }),
  })
  .transform((w) => w.html ?? w.content ?? w.body ?? w.result?.content ?? w.result?.html ?? null)
  .pipe(z.string({ error: 'no html, content, body or result.content member holding the page' }));

const looksLikeJson = (contentType: string | undefined, body: string): boolean =>
  /\bjson\b/i.test(contentType ?? '') || /^\s*[{[]/.test(body);

/** The page's HTML from a provider answer: the body itself, or the page inside a JSON wrapper. */
export const providerHtml = (
  body: string,
  contentType: string | undefined,
  provider: string,
): Result<string, ErrorPayload> => {
  if (!looksLikeJson(contentType, body)) return ok(body);
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    // Declared JSON that does not parse: a page starting with "{" is still HTML to the extractors.
    return /\bjson\b/i.test(contentType ?? '')
      ? err('upstream_bad_response', `The scraping provider (${provider}) sent JSON that does not parse.`)
      : ok(body);
  }
  return parseUpstream(wrapperSchema, json, `The scraping provider (${provider})`);
};
