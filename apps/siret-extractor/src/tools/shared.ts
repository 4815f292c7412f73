import { err, type FetchBudget, ok, type Result } from '@mcp/core';
import { crawlSite } from '../crawl/crawl.js';
import type { PageFetcher, Progress } from '../crawl/types.js';
import { buildAnswer, type Extraction } from '../extract/answer.js';
import { type JsonClient, type Verification, verifyExtraction } from '../verify/annuaire.js';

export interface ExtractorDeps {
  fetchPage: PageFetcher;
  /** Recherche d'entreprises client (rate-limited upstream); null disables `verify`. */
  annuaire: JsonClient | null;
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
    return err('invalid_input', `url: "${input}" is not a URL`, { field: 'url' });
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return err('forbidden_target', `Only http and https URLs can be fetched, got ${url.protocol}`, {
      field: 'url',
      url: input,
    });
  }
  return ok(url.href);
};

export const maybeVerify = async (
  answer: Extraction,
  verify: boolean,
  deps: ExtractorDeps,
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
  deps: ExtractorDeps,
): Promise<Result<Answer>> => {
  const target = normalizeSiteUrl(url);
  if (!target.ok) return target;
  const crawl = await crawlSite(target.value, deps.fetchPage, options);
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

export const tooLarge = (field: string, value: string): string | null => {
  const bytes = Buffer.byteLength(value, 'utf8');
  return bytes > MAX_INPUT_BYTES
    ? `${field} is ${(bytes / 1024 / 1024).toFixed(1)} MB, over the 3 MB limit`
    : null;
};
