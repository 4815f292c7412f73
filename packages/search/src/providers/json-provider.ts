import { type ErrorPayload, ok, type Result, type UpstreamRequest } from '@mcp/core';
import { mapUpstreamError, scrubSecrets } from '../errors.js';
import type {
  NormalizedRequest,
  ProviderAnswer,
  ProviderId,
  SearchProvider,
  SearchResult,
} from '../types.js';
import { type ProviderDeps, sharedOptions, type UpstreamOptions } from '../upstream.js';

/** What sets one keyed JSON provider apart: one upstream, one GET or POST per search, one body shape. */
export interface JsonProviderSpec {
  id: ProviderId;
  /** The provider's name in error messages. */
  label: string;
  upstream: Pick<UpstreamOptions, 'name' | 'baseUrl' | 'headers'>;
  call: (req: NormalizedRequest) => UpstreamRequest;
  parse: (data: unknown, limit?: number) => Result<SearchResult[], ErrorPayload>;
  /** The provider's own wording in an error body (invalid key, quota). */
  errorMessage: (body: string) => string | undefined;
  /** Scrubbed from upstream errors, which may echo the request URL or headers. */
  secrets: readonly string[];
}

/** Serper, SerpAPI, Brave and Google CSE: the same client settings, error mapping and answer. */
export const createJsonProvider = (spec: JsonProviderSpec, deps: ProviderDeps): SearchProvider => {
  const api = deps.createUpstream({
    ...spec.upstream,
    timeoutMs: deps.timeoutMs,
    retries: 1,
    ...sharedOptions(deps),
  });
  const search = async (req: NormalizedRequest): Promise<Result<ProviderAnswer, ErrorPayload>> => {
    const res = await api.json<unknown>(spec.call(req));
    if (!res.ok)
      return scrubSecrets(mapUpstreamError(spec.label, res.error, spec.errorMessage), spec.secrets);
    const results = spec.parse(res.value.data, req.num);
    if (!results.ok) return results;
    return ok({ results: results.value, cached: res.value.cached });
  };
  return { id: spec.id, search };
};
