import type { FetchBudget, Result } from '@mcp/core';

/** What the crawler needs from one HTTP fetch (core's safeFetch gives this and more). */
export interface FetchedPage {
  /** Final URL, after redirects. */
  url: string;
  status: number;
  contentType: string | null;
  /** Body decoded from its charset (UTF-8, UTF-16, Windows-1252…). */
  text: string;
}

/** `budget`: the request's outbound fetch budget (`ctx.fetchBudget`), passed through to safeFetch. */
export type PageFetcher = (
  url: string,
  signal: AbortSignal,
  budget?: FetchBudget,
) => Promise<Result<FetchedPage>>;

export type Progress = (progress: number, total?: number, message?: string) => Promise<void>;
