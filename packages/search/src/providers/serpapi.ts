import { type ErrorPayload, lenientText, ok, type Result, type UpstreamRequest } from '@mcp/core';
import * as z from 'zod/v4';
import { providerError, reasonFromMessage, scrubSecrets, stringMember } from '../errors.js';
import { queryWithSite } from '../request.js';
import { toResults } from '../text.js';
import type { NormalizedRequest, SearchProvider, SearchResult } from '../types.js';
import type { ProviderDeps } from '../upstream.js';
import { googleOrganicRaws, organicList } from './google-organic.js';
import { createJsonProvider } from './json-provider.js';
import { readBody } from './read-body.js';

export const SERPAPI_BASE_URL = 'https://serpapi.com';

export interface SerpApiConfig {
  apiKey: string;
  baseUrl?: string | undefined;
}

const body = z.looseObject({ error: lenientText(), organic_results: organicList });

/** SerpAPI says "no results" through its `error` member, with a 200: that is an empty page, not a fault. */
const NO_RESULTS = /hasn't returned any results|no results/i;

/** SerpAPI only takes its key as a query parameter, so every message built from the URL is scrubbed. */
export const serpApiCall = (req: NormalizedRequest, apiKey: string): UpstreamRequest => ({
  path: '/search.json',
  query: {
    engine: 'google',
    q: queryWithSite(req),
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
  const parsed = readBody(body, data, 'SerpAPI');
  if (!parsed.ok) return parsed;
  const { error } = parsed.value;
  if (error && !NO_RESULTS.test(error)) {
    const reason = reasonFromMessage(error) ?? 'upstream';
    const code =
      reason === 'quota' ? 'rate_limited' : reason === 'auth' ? 'upstream_http' : 'upstream_bad_response';
    return providerError(code, `SerpAPI: ${error}`, reason);
  }
  const raws = googleOrganicRaws(parsed.value.organic_results);
  return ok(toResults(raws, limit));
};

/** `{"error": "Your account credit is too low, please add more credits."}` */
export const serpApiErrorMessage = stringMember('error');

export const createSerpApiProvider = (config: SerpApiConfig, deps: ProviderDeps): SearchProvider =>
  createJsonProvider(
    {
      id: 'serpapi',
      label: 'SerpAPI',
      upstream: { name: 'serpapi', baseUrl: config.baseUrl ?? SERPAPI_BASE_URL },
      call: (req) => serpApiCall(req, config.apiKey),
      // SerpAPI's own `error` member reaches the message, and may echo the key.
      parse: (data, limit) => {
        const results = parseSerpApi(data, limit);
        return results.ok ? results : scrubSecrets(results, [config.apiKey]);
      },
      errorMessage: serpApiErrorMessage,
      secrets: [config.apiKey],
    },
    deps,
  );
