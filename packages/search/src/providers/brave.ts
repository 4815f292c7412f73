import { type ErrorPayload, ok, type Result } from '@mcp/core';
import * as z from 'zod/v4';
import { parseJson, providerError } from '../errors.js';
import { queryWithSite } from '../request.js';
import { htmlToText, type RawResult, toResults } from '../text.js';
import type { NormalizedRequest, SearchProvider, SearchResult } from '../types.js';
import type { ProviderDeps, UpstreamCall } from '../upstream.js';
import { createJsonProvider } from './json-provider.js';

export const BRAVE_BASE_URL = 'https://api.search.brave.com';

export interface BraveConfig {
  apiKey: string;
  baseUrl?: string | undefined;
}

const row = z.object({
  title: z.string().optional(),
  url: z.string().optional(),
  description: z.string().optional(),
  page_age: z.string().optional(),
  age: z.string().optional(),
});
const body = z.object({ web: z.object({ results: z.array(z.unknown()).optional() }).optional() });

/** Brave's `offset` counts pages (0..9), not results; `count` is at most 20. */
export const braveCall = (req: NormalizedRequest): UpstreamCall => ({
  path: '/res/v1/web/search',
  query: {
    q: queryWithSite(req),
    count: Math.min(req.num, 20),
    offset: req.page > 1 ? Math.min(req.page - 1, 9) : undefined,
    country: req.country.toUpperCase(),
    search_lang: req.language,
  },
  signal: req.signal,
  cache: true,
});

/** Brave's descriptions carry `<strong>` and HTML entities; dates come as ISO `page_age` or relative `age`. */
export const parseBrave = (data: unknown, limit?: number): Result<SearchResult[], ErrorPayload> => {
  const parsed = body.safeParse(data);
  if (!parsed.success) {
    return providerError('upstream_bad_response', 'Brave Search answered an unexpected body.', 'upstream');
  }
  const raws: RawResult[] = [];
  for (const item of parsed.data.web?.results ?? []) {
    const r = row.safeParse(item);
    if (!r.success) continue;
    raws.push({
      title: r.data.title === undefined ? undefined : htmlToText(r.data.title),
      url: r.data.url,
      snippet: r.data.description === undefined ? undefined : htmlToText(r.data.description),
      date: r.data.page_age ?? r.data.age,
    });
  }
  return ok(toResults(raws, limit));
};

/** `{"type": "ErrorResponse", "error": {"code": "SUBSCRIPTION_TOKEN_INVALID", "detail": "…", "status": 401}}` */
export const braveErrorMessage = (text: string): string | undefined => {
  const json = parseJson(text);
  const parsed = z
    .object({ error: z.object({ code: z.string().optional(), detail: z.string().optional() }) })
    .safeParse(json);
  if (!parsed.success) return undefined;
  const { code, detail } = parsed.data.error;
  if (code && detail) return `${detail} (${code})`;
  return detail ?? code;
};

export const createBraveProvider = (config: BraveConfig, deps: ProviderDeps): SearchProvider =>
  createJsonProvider(
    {
      id: 'brave',
      label: 'Brave Search',
      upstream: {
        name: 'brave',
        baseUrl: config.baseUrl ?? BRAVE_BASE_URL,
        headers: { 'x-subscription-token': config.apiKey, accept: 'application/json' },
      },
      call: braveCall,
      parse: parseBrave,
      errorMessage: braveErrorMessage,
      secrets: [config.apiKey],
    },
    deps,
  );
