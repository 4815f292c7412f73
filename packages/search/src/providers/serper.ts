import { type ErrorPayload, ok, type Result, type UpstreamRequest } from '@mcp/core';
import * as z from 'zod/v4';
import { stringMember } from '../errors.js';
import { queryWithSite } from '../request.js';
import { toResults } from '../text.js';
import type { NormalizedRequest, SearchProvider, SearchResult } from '../types.js';
import type { ProviderDeps } from '../upstream.js';
import { googleOrganicRaws, organicList } from './google-organic.js';
import { createJsonProvider } from './json-provider.js';
import { readBody } from './read-body.js';

export const SERPER_BASE_URL = 'https://google.serper.dev';

export interface SerperConfig {
  apiKey: string;
  baseUrl?: string | undefined;
}

const body = z.looseObject({ organic: organicList });

/** Serper takes Google's `site:` operator in `q`; `gl`/`hl` pick the market. */
export const serperCall = (req: NormalizedRequest): UpstreamRequest => ({
  method: 'POST',
  path: '/search',
  body: {
    q: queryWithSite(req),
    gl: req.country,
    hl: req.language,
    num: req.num,
    page: req.page,
  },
  signal: req.signal,
  cache: true,
});

export const parseSerper = (data: unknown, limit?: number): Result<SearchResult[], ErrorPayload> => {
  const parsed = readBody(body, data, 'Serper');
  if (!parsed.ok) return parsed;
  const raws = googleOrganicRaws(parsed.value.organic);
  return ok(toResults(raws, limit));
};

/** `{"message": "Unauthorized.", "statusCode": 403}`, `{"message": "Not enough credits", …}`. */
export const serperErrorMessage = stringMember('message');

export const createSerperProvider = (config: SerperConfig, deps: ProviderDeps): SearchProvider =>
  createJsonProvider(
    {
      id: 'serper',
      label: 'Serper',
      upstream: {
        name: 'serper',
        baseUrl: config.baseUrl ?? SERPER_BASE_URL,
        headers: { 'x-api-key': config.apiKey, 'content-type': 'application/json' },
      },
      call: serperCall,
      parse: parseSerper,
      errorMessage: serperErrorMessage,
      secrets: [config.apiKey],
    },
    deps,
  );
