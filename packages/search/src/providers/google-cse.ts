import { type ErrorPayload, ok, type Result } from '@mcp/core';
import * as z from 'zod/v4';
import { parseJson, providerError } from '../errors.js';
import { type RawResult, toResults } from '../text.js';
import type { NormalizedRequest, SearchProvider, SearchResult } from '../types.js';
import type { ProviderDeps, UpstreamCall } from '../upstream.js';
import { createJsonProvider } from './json-provider.js';

export const GOOGLE_CSE_BASE_URL = 'https://www.googleapis.com';

export interface GoogleCseConfig {
  key: string;
  cx: string;
  baseUrl?: string | undefined;
}

const row = z.object({
  title: z.string().optional(),
  link: z.string().optional(),
  snippet: z.string().optional(),
});
const body = z.object({ items: z.array(z.unknown()).optional() });

/** The JSON API serves at most 10 results per call; `start` is the 1-based index of the first one. */
export const googleCseCall = (req: NormalizedRequest, cx: string): UpstreamCall => {
  const num = Math.min(req.num, 10);
  return {
    path: '/customsearch/v1',
    query: {
      cx,
      q: req.query,
      num,
      start: req.page > 1 ? (req.page - 1) * num + 1 : undefined,
      gl: req.country,
      hl: req.language,
      lr: `lang_${req.language}`,
      siteSearch: req.site,
      siteSearchFilter: req.site ? 'i' : undefined,
    },
    signal: req.signal,
    cache: true,
  };
};

/** No `items` member at all is how the API says "no results". */
export const parseGoogleCse = (data: unknown, limit?: number): Result<SearchResult[], ErrorPayload> => {
  const parsed = body.safeParse(data);
  if (!parsed.success) {
    return providerError(
      'upstream_bad_response',
      'Google Custom Search answered an unexpected body.',
      'upstream',
    );
  }
  const raws: RawResult[] = [];
  for (const item of parsed.data.items ?? []) {
    const r = row.safeParse(item);
    if (r.success) raws.push({ title: r.data.title, url: r.data.link, snippet: r.data.snippet });
  }
  return ok(toResults(raws, limit));
};

/** `{"error": {"code": 429, "message": "Quota exceeded for quota metric 'Queries' …", "status": "RESOURCE_EXHAUSTED"}}` */
export const googleCseErrorMessage = (text: string): string | undefined => {
  const parsed = z.object({ error: z.object({ message: z.string() }) }).safeParse(parseJson(text));
  return parsed.success ? parsed.data.error.message : undefined;
};

export const createGoogleCseProvider = (config: GoogleCseConfig, deps: ProviderDeps): SearchProvider =>
  createJsonProvider(
    {
      id: 'google_cse',
      label: 'Google Custom Search',
      upstream: {
        name: 'google_cse',
        baseUrl: config.baseUrl ?? GOOGLE_CSE_BASE_URL,
        // Google APIs accept the key as a header, which keeps it out of URLs, logs and cache keys.
        headers: { 'x-goog-api-key': config.key },
      },
      call: (req) => googleCseCall(req, config.cx),
      parse: parseGoogleCse,
      errorMessage: googleCseErrorMessage,
      secrets: [config.key],
    },
    deps,
  );
