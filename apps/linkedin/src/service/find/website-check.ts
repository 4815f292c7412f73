import type { ErrorPayload, FetchBudget, Result } from '@mcp/core';
import { DEFAULT_HTML_LIMITS, type HtmlLimits, runHtmlTask } from '@mcp/html';
import { websiteLinksTask } from '../extract/tasks.js';
import type { WebsiteLink } from './website-links.js';

/** core's `safeFetch`, reduced to what the website check reads. */
export type FetchWebsite = (
  url: string,
  options: { signal?: AbortSignal; budget?: FetchBudget },
) => Promise<Result<{ url: string; status: number; text: string }, ErrorPayload>>;

export interface WebsiteCheck {
  /** Where the site answered from (after its redirects), else the URL asked. */
  url: string;
  /** The site answered, even when its page could not then be read. */
  answered: boolean;
  links: WebsiteLink[];
  /** `code: message` when the site did not answer or its page could not be read. */
  error: string | null;
}

/** `www.acme.fr` → `https://www.acme.fr`: people give a website without its scheme. */
export const websiteUrl = (raw: string): string =>
  /^https?:\/\//i.test(raw) ? raw : `https://${raw.replace(/^\/+/, '')}`;

/** The LinkedIn company pages a company's own website links to. */
export const checkWebsite = async (
  fetchWebsite: FetchWebsite,
  url: string,
  options: { signal?: AbortSignal; budget?: FetchBudget; limits?: HtmlLimits | undefined },
): Promise<WebsiteCheck> => {
  const page = await fetchWebsite(url, { signal: options.signal, budget: options.budget });
  if (!page.ok)
    return { url, answered: false, links: [], error: `${page.error.code}: ${page.error.message}` };
  // The website is a stranger's page: parsed off the event loop, within the HTML limits.
  const parsed = await runHtmlTask(
    websiteLinksTask,
    { html: page.value.text },
    { limits: options.limits ?? DEFAULT_HTML_LIMITS, signal: options.signal },
  );
  return parsed.ok
    ? { url: page.value.url, answered: true, links: parsed.value, error: null }
    : {
        url: page.value.url,
        answered: true,
        links: [],
        error: `upstream_too_large: the website could not be read: ${parsed.error.message}`,
      };
};
