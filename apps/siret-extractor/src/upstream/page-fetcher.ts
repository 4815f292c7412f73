import type { FetchBudget, Result } from '@mcp/core';
import type { PageFetcher } from './types.js';

/** The shape of core's `safeFetch` this app relies on (kept structural so either factory fits). */
export type SafeFetchLike = (
  url: string,
  options?: { signal?: AbortSignal; maxBytes?: number; timeoutMs?: number; budget?: FetchBudget },
) => Promise<Result<{ url: string; status: number; contentType: string; text: string }>>;

/** Legal pages are small; 3 MB is the same limit as extract_from_html. */
const MAX_PAGE_BYTES = 3 * 1024 * 1024;

/** Adapts core's SSRF-safe fetch to the crawler: every URL the crawler follows goes through it. */
export const pageFetcherFrom =
  (safeFetch: SafeFetchLike, timeoutMs = 15_000): PageFetcher =>
  async (url, signal, budget) => {
    const res = await safeFetch(url, {
      signal,
      maxBytes: MAX_PAGE_BYTES,
      timeoutMs,
      ...(budget ? { budget } : {}),
    });
    if (!res.ok) return res;
    const { url: finalUrl, status, contentType, text } = res.value;
    return { ok: true, value: { url: finalUrl, status, contentType: contentType || null, text } };
  };
