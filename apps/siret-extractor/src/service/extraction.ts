import { err, type FetchBudget, ok, type Result, toolError } from '@mcp/core';
import { DEFAULT_HTML_LIMITS, type HtmlLimits, isPageFault, runHtmlTask } from '@mcp/html';
import type { PageFetcher, Progress } from '../upstream/types.js';
import { crawlSite } from './crawl/crawl.js';
import { buildAnswer, type Extraction } from './extract/answer.js';
import { readPageTask } from './extract/tasks.js';
import { type RegisterSearch, type Verification, verifyExtraction } from './verify/annuaire.js';

/** What extraction runs on: the page fetcher, the registry client and the parse limits (deps.ts builds them). */
export interface ExtractionDeps {
  fetchPage: PageFetcher;
  /** The register client (@mcp/recherche-entreprises); null disables `verify`. */
  annuaire: RegisterSearch | null;
  /** Size, depth and time limits of one page's parse (HTML_MAX_BYTES…); default: @mcp/html's. */
  htmlLimits?: HtmlLimits;
}

export type Answer = Extraction & { verification?: Verification[]; budget_exhausted?: true };

/** 3 MB, the largest page or text the extract tools accept. */
export const MAX_INPUT_BYTES = 3 * 1024 * 1024;

/** `example.fr` → `https://example.fr/`; other schemes than http(s) are refused as forbidden targets. */
export const normalizeSiteUrl = (input: string): Result<string> => {
  const raw = input.trim();
  const withScheme = /^[a-z][a-z0-9+.-]*:/i.test(raw) ? raw : `https://${raw}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    return err('invalid_input', `url: "${input}" is not a URL`, { fields: ['url'] });
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return err('forbidden_target', `Only http and https URLs can be fetched, got ${url.protocol}`, {
      fields: ['url'],
      url: input,
    });
  }
  return ok(url.href);
};

export const maybeVerify = async (
  answer: Extraction,
  verify: boolean,
  deps: ExtractionDeps,
  signal: AbortSignal,
): Promise<Answer> => {
  if (!verify) return answer;
  if (!deps.annuaire)
    return { ...answer, notes: [...answer.notes, 'verify: the annuaire client is not configured'] };
  return verifyExtraction(deps.annuaire, answer, signal);
};

/** One site, start to answer: crawl, fold the pages, optionally verify. */
export const extractSite = async (
  url: string,
  options: {
    maxPages: number;
    verify: boolean;
    signal: AbortSignal;
    progress?: Progress;
    budget?: FetchBudget;
  },
  deps: ExtractionDeps,
): Promise<Result<Answer>> => {
  const target = normalizeSiteUrl(url);
  if (!target.ok) return target;
  const crawl = await crawlSite(target.value, deps.fetchPage, {
    ...options,
    ...(deps.htmlLimits ? { htmlLimits: deps.htmlLimits } : {}),
  });
  if (!crawl.ok) return crawl;
  const answer = buildAnswer(crawl.value.pages, crawl.value.pagesFetched);
  const notes = [...answer.notes, ...crawl.value.notes];
  if (crawl.value.budgetExhausted) {
    notes.push(
      `crawl cut short: this request used its ${options.budget?.limit ?? ''} outbound page fetches (FETCH_BUDGET)`,
    );
  }
  const withNotes = {
    ...answer,
    notes,
    ...(crawl.value.budgetExhausted ? { budget_exhausted: true as const } : {}),
  };
  return ok(await maybeVerify(withNotes, options.verify, deps, options.signal));
};

/** `1048576` → `1 MB`, for limits stated in descriptions and messages. */
export const megabytes = (bytes: number): string => `${Number((bytes / 1024 / 1024).toFixed(1))} MB`;

export const tooLarge = (field: string, value: string): string | null => {
  const bytes = Buffer.byteLength(value, 'utf8');
  return bytes > MAX_INPUT_BYTES
    ? `${field} is ${(bytes / 1024 / 1024).toFixed(1)} MB, over the 3 MB limit`
    : null;
};

/**
 * One page given as an argument, analysed off the event loop. Over the size or depth limit, or a parse
 * that runs out of time or memory, is the caller's input: `invalid_input`; a full pool is `rate_limited`.
 */
export const analyzeArgument = async (
  field: 'html' | 'text',
  value: string,
  url: string | null,
  deps: ExtractionDeps,
  signal: AbortSignal,
) => {
  const limits = deps.htmlLimits ?? DEFAULT_HTML_LIMITS;
  const out = await runHtmlTask(
    readPageTask,
    { html: value, url, kind: field, links: false },
    // Text keeps its own 3 MB limit (checked by the tool): most of it is not markup.
    { limits: field === 'text' ? { ...limits, maxBytes: MAX_INPUT_BYTES } : limits, signal },
  );
  if (out.ok) return ok(out.value.analysis);
  const { reason, message, limit } = out.error;
  const code = isPageFault(out.error)
    ? 'invalid_input'
    : reason === 'busy'
      ? 'rate_limited'
      : 'upstream_timeout';
  return {
    ok: false as const,
    failure: toolError(code, `${field}: ${message}`, {
      fields: [field],
      reason,
      ...(limit === undefined ? {} : { limit }),
      ...(reason === 'busy' ? { retry_after_s: 1 } : {}),
    }),
  };
};
