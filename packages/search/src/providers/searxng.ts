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
import { mapUpstreamError, providerError, stringMember } from '../errors.js';
import { queryWithSite } from '../request.js';
import { type RawResult, toResults } from '../text.js';
import type { NormalizedRequest, ProviderAnswer, SearchProvider, SearchResult } from '../types.js';
import { type ProviderDeps, sharedOptions } from '../upstream.js';
import { readBody } from './read-body.js';

export interface SearxngConfig {
  /** The instance root, possibly with a path prefix: `https://searx.example.org/searxng`. */
  url: string;
}

const row = lenientObject({
  title: lenientText(),
  url: lenientText(),
  content: lenientText(),
  publishedDate: lenientText(),
});
/** `results` is what makes a body a SearXNG answer; `unresponsive_engines` rows are `[engine, why]`. */
const body = z.looseObject({
  results: z.array(z.unknown()).transform((rows) => lenientArray(row).parse(rows)),
  unresponsive_engines: lenientArray(lenientArray(lenientText())),
});

/** Splits the instance URL so a path prefix survives; the upstream client keeps only scheme + host. */
export const searxngBase = (url: string): { baseUrl: string; prefix: string } => {
  const parsed = new URL(url);
  return { baseUrl: parsed.origin, prefix: parsed.pathname.replace(/\/+$/, '') };
};

/** SearXNG has no result count parameter: the page is cut to `num` after parsing. */
export const searxngCall = (req: NormalizedRequest, prefix = ''): UpstreamRequest => ({
  path: `${prefix}/search`,
  query: {
    q: queryWithSite(req),
    format: 'json',
    language: `${req.language}-${req.country.toUpperCase()}`,
    pageno: req.page,
    safesearch: 0,
  },
  signal: req.signal,
  cache: true,
});

/**
 * Keeps SearXNG's own order (its merged ranking, not `score` order). An empty page whose engines all
 * failed (CAPTCHA, suspended) is a fault worth falling through on, not an honest "no results".
 */
export const parseSearxng = (data: unknown, limit?: number): Result<SearchResult[], ErrorPayload> => {
  const parsed = readBody(body, data, 'SearXNG');
  if (!parsed.ok) return parsed;
  const raws: RawResult[] = parsed.value.results.map((r) => ({
    title: r.title ?? undefined,
    url: r.url ?? undefined,
    snippet: r.content ?? undefined,
    date: r.publishedDate,
  }));
  const results = toResults(raws, limit);
  const down = parsed.value.unresponsive_engines.filter((pair) => pair.length > 0);
  if (results.length === 0 && down.length > 0) {
    const list = down.map(([engine, why]) => `${engine} (${why ?? 'no answer'})`).join(', ');
    return providerError(
      'blocked',
      `SearXNG returned nothing; its engines did not answer: ${list}.`,
      'blocked',
    );
  }
  return ok(results);
};

export const searxngErrorMessage = stringMember('error');

export const createSearxngProvider = (config: SearxngConfig, deps: ProviderDeps): SearchProvider => {
  const { baseUrl, prefix } = searxngBase(config.url);
  const api = deps.createUpstream({
    name: 'searxng',
    baseUrl,
    headers: { accept: 'application/json' },
    timeoutMs: deps.timeoutMs,
    retries: 1,
    ...sharedOptions(deps),
  });
  const search = async (req: NormalizedRequest): Promise<Result<ProviderAnswer, ErrorPayload>> => {
    const res = await api.json<unknown>(searxngCall(req, prefix));
    if (!res.ok) {
      if (res.error.details?.status === 403) {
        return providerError(
          'not_configured',
          'SearXNG answered 403: the instance must enable the json format (settings.yml: search.formats: [html, json]).',
          'config',
          { status: 403 },
        );
      }
      return mapUpstreamError('SearXNG', res.error, searxngErrorMessage);
    }
    const results = parseSearxng(res.value.data, req.num);
    if (!results.ok) return results;
    return ok({ results: results.value, cached: res.value.cached });
  };
  return { id: 'searxng', search };
};
