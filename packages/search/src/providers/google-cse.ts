import {
  type ErrorPayload,
  lenientArray,
  lenientObject,
  lenientText,
  ok,
  type Result,
  type UpstreamRequest,
} from '@mcp/core';
import * as z from 'zod/v4';
import { parseJson } from '../errors.js';
import { type RawResult, toResults } from '../text.js';
import type { NormalizedRequest, SearchProvider, SearchResult } from '../types.js';
import type { ProviderDeps } from '../upstream.js';
import { createJsonProvider } from './json-provider.js';
import { readBody } from './read-body.js';

export const GOOGLE_CSE_BASE_URL = 'https://www.googleapis.com';

export interface GoogleCseConfig {
  key: string;
  cx: string;
  baseUrl?: string | undefined;
}

const row = lenientObject({ title: lenientText(), link: lenientText(), snippet: lenientText() });
const body = z.looseObject({ items: lenientArray(row) });

/** The JSON API serves at most 10 results per call; `start` is the 1-based index of the first one. */
export const googleCseCall = (req: NormalizedRequest, cx: string): UpstreamRequest => {
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
  const parsed = readBody(body, data, 'Google Custom Search');
  if (!parsed.ok) return parsed;
  const raws: RawResult[] = parsed.value.items.map((r) => ({
    title: r.title ?? undefined,
    url: r.link ?? undefined,
    snippet: r.snippet ?? undefined,
  }));
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
