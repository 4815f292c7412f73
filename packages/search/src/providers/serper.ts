import { type ErrorPayload, ok, type Result } from '@mcp/core';
import * as z from 'zod/v4';
import { mapUpstreamError, parseJson, providerError, scrubSecrets } from '../errors.js';
import { type RawResult, toResults } from '../text.js';
import type { NormalizedRequest, ProviderAnswer, SearchProvider, SearchResult } from '../types.js';
import { type ProviderDeps, sharedOptions, type UpstreamCall } from '../upstream.js';

export const SERPER_BASE_URL = 'https://google.serper.dev';

export interface SerperConfig {
  apiKey: string;
  baseUrl?: string | undefined;
}

const organic = z.object({
  title: z.string().optional(),
  link: z.string().optional(),
  snippet: z.string().optional(),
  date: z.string().optional(),
});
const body = z.object({ organic: z.array(z.unknown()).optional() });

/** Serper takes Google's `site:` operator in `q`; `gl`/`hl` pick the market. */
export const serperCall = (req: NormalizedRequest): UpstreamCall => ({
  method: 'POST',
  path: '/search',
  body: {
    q: req.site ? `${req.query} site:${req.site}` : req.query,
    gl: req.country,
    hl: req.language,
    num: req.num,
    page: req.page,
  },
  signal: req.signal,
  cache: true,
});

export const parseSerper = (data: unknown, limit?: number): Result<SearchResult[], ErrorPayload> => {
  const parsed = body.safeParse(data);
  if (!parsed.success) {
    return providerError('upstream_bad_response', 'Serper answered an unexpected body.', 'upstream');
  }
  const raws: RawResult[] = [];
  for (const item of parsed.data.organic ?? []) {
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

/** `{"message": "Unauthorized.", "statusCode": 403}`, `{"message": "Not enough credits", …}`. */
export const serperErrorMessage = (text: string): string | undefined => {
  const json = parseJson(text);
  if (json && typeof json === 'object' && 'message' in json && typeof json.message === 'string')
    return json.message;
  return undefined;
};

export const createSerperProvider = (config: SerperConfig, deps: ProviderDeps): SearchProvider => {
  const api = deps.createUpstream({
    name: 'serper',
    baseUrl: config.baseUrl ?? SERPER_BASE_URL,
    headers: { 'x-api-key': config.apiKey, 'content-type': 'application/json' },
    timeoutMs: deps.timeoutMs,
    retries: 1,
    ...sharedOptions(deps),
  });
  const search = async (req: NormalizedRequest): Promise<Result<ProviderAnswer, ErrorPayload>> => {
    const res = await api.json<unknown>(serperCall(req));
    if (!res.ok)
      return scrubSecrets(mapUpstreamError('Serper', res.error, serperErrorMessage), [config.apiKey]);
    const results = parseSerper(res.value.data, req.num);
    if (!results.ok) return results;
    return ok({ results: results.value, cached: res.value.cached });
  };
  return { id: 'serper', search };
};
