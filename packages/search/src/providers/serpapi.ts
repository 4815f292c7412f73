import { type ErrorPayload, ok, type Result } from '@mcp/core';
import * as z from 'zod/v4';
import { mapUpstreamError, parseJson, providerError, reasonFromMessage, scrubSecrets } from '../errors.js';
import { type RawResult, toResults } from '../text.js';
import type { NormalizedRequest, ProviderAnswer, SearchProvider, SearchResult } from '../types.js';
import { type ProviderDeps, sharedOptions, type UpstreamCall } from '../upstream.js';

export const SERPAPI_BASE_URL = 'https://serpapi.com';

export interface SerpApiConfig {
  apiKey: string;
  baseUrl?: string | undefined;
}

const organic = z.object({
  title: z.string().optional(),
  link: z.string().optional(),
  snippet: z.string().optional(),
  date: z.string().optional(),
});
const body = z.object({ error: z.string().optional(), organic_results: z.array(z.unknown()).optional() });

/** SerpAPI says "no results" through its `error` member, with a 200: that is an empty page, not a fault. */
const NO_RESULTS = /hasn't returned any results|no results/i;

/** SerpAPI only takes its key as a query parameter, so every message built from the URL is scrubbed. */
export const serpApiCall = (req: NormalizedRequest, apiKey: string): UpstreamCall => ({
  path: '/search.json',
  query: {
    engine: 'google',
    q: req.site ? `${req.query} site:${req.site}` : req.query,
    gl: req.country,
    hl: req.language,
    num: req.num,
    start: req.page > 1 ? (req.page - 1) * req.num : undefined,
    api_key: apiKey,
  },
  signal: req.signal,
  cache: true,
});

export const parseSerpApi = (data: unknown, limit?: number): Result<SearchResult[], ErrorPayload> => {
  const parsed = body.safeParse(data);
  if (!parsed.success) {
    return providerError('upstream_bad_response', 'SerpAPI answered an unexpected body.', 'upstream');
  }
  const { error } = parsed.data;
  if (error && !NO_RESULTS.test(error)) {
    const reason = reasonFromMessage(error) ?? 'upstream';
    const code =
      reason === 'quota' ? 'rate_limited' : reason === 'auth' ? 'upstream_http' : 'upstream_bad_response';
    return providerError(code, `SerpAPI: ${error}`, reason);
  }
  const raws: RawResult[] = [];
  for (const item of parsed.data.organic_results ?? []) {
    const row = organic.safeParse(item);
    if (row.success)
      raws.push({
        title: row.data.title,
        url: row.data.link,
        snippet: row.data.snippet,
        date: row.data.date,
      });
  }
  return ok(toResults(raws, limit));
};

/** `{"error": "Your account credit is too low, please add more credits."}` */
export const serpApiErrorMessage = (text: string): string | undefined => {
  const json = parseJson(text);
  if (json && typeof json === 'object' && 'error' in json && typeof json.error === 'string')
    return json.error;
  return undefined;
};

export const createSerpApiProvider = (config: SerpApiConfig, deps: ProviderDeps): SearchProvider => {
  const api = deps.createUpstream({
    name: 'serpapi',
    baseUrl: config.baseUrl ?? SERPAPI_BASE_URL,
    timeoutMs: deps.timeoutMs,
    retries: 1,
    ...sharedOptions(deps),
  });
  const search = async (req: NormalizedRequest): Promise<Result<ProviderAnswer, ErrorPayload>> => {
    const res = await api.json<unknown>(serpApiCall(req, config.apiKey));
    if (!res.ok)
      return scrubSecrets(mapUpstreamError('SerpAPI', res.error, serpApiErrorMessage), [config.apiKey]);
    const results = parseSerpApi(res.value.data, req.num);
    if (!results.ok) return scrubSecrets(results, [config.apiKey]);
    return ok({ results: results.value, cached: res.value.cached });
  };
  return { id: 'serpapi', search };
};
