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
import { queryWithSite } from '../request.js';
import { htmlToText, type RawResult, toResults } from '../text.js';
import type { NormalizedRequest, SearchProvider, SearchResult } from '../types.js';
import type { ProviderDeps } from '../upstream.js';
import { createJsonProvider } from './json-provider.js';
import { readBody } from './read-body.js';

export const BRAVE_BASE_URL = 'https://api.search.brave.com';

export interface BraveConfig {
  apiKey: string;
  baseUrl?: string | undefined;
}

const row = lenientObject({
  title: lenientText(),
  url: lenientText(),
  description: lenientText(),
  page_age: lenientText(),
  age: lenientText(),
});
const body = z.looseObject({ web: lenientObject({ results: lenientArray(row) }) });

/** Brave's `offset` counts pages (0..9), not results; `count` is at most 20. */
export const braveCall = (req: NormalizedRequest): UpstreamRequest => ({
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
  const parsed = readBody(body, data, 'Brave Search');
  if (!parsed.ok) return parsed;
  const raws: RawResult[] = (parsed.value.web?.results ?? []).map((r) => ({
    title: r.title === null ? undefined : htmlToText(r.title),
    url: r.url ?? undefined,
    snippet: r.description === null ? undefined : htmlToText(r.description),
    date: r.page_age ?? r.age,
  }));
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
