import type { ErrorCode, ErrorPayload, Result } from '@mcp/core';

/** Concrete providers, in the order `auto` tries them (paid keyed first, keyless last). */
export const PROVIDER_IDS = ['serper', 'serpapi', 'brave', 'searxng', 'google_cse', 'duckduckgo'] as const;
export type ProviderId = (typeof PROVIDER_IDS)[number];
/** What `SERP_PROVIDER` accepts. */
export type ProviderChoice = ProviderId | 'auto';

/** One organic result, the same shape whatever the provider. */
export interface SearchResult {
  /** 1-based rank within this answer. */
  position: number;
  title: string;
  url: string;
  /** Host name, lower case, without a leading `www.`. */
  domain: string;
  snippet: string;
  /** As the provider gives it: ISO 8601 when it has one, else relative text ("3 days ago"). */
  date?: string;
}

/** A search as the caller asks it; `createSearch` fills the defaults. */
export interface SearchRequest {
  query: string;
  /** 1..20, default 10. Providers capped lower (Google CSE: 10) return fewer. */
  num?: number;
  /** ISO 3166-1 alpha-2, default `fr`. */
  country?: string;
  /** ISO 639-1, default `fr`. */
  language?: string;
  /** Restrict to one domain (`pappers.fr`). */
  site?: string;
  /** 1-based, default 1. */
  page?: number;
  signal?: AbortSignal;
}

/** The request after defaults and validation, as providers receive it. */
export interface NormalizedRequest {
  query: string;
  num: number;
  country: string;
  language: string;
  site: string | undefined;
  page: number;
  signal: AbortSignal | undefined;
}

export interface ProviderFailure {
  provider: ProviderId;
  code: ErrorCode;
  message: string;
}

export interface SearchAnswer {
  results: SearchResult[];
  /** The provider that served this answer. */
  provider: ProviderId;
  /** Providers tried before it, in order, with why they failed. */
  providers_failed: ProviderFailure[];
  query: string;
  cached: boolean;
}

/** A provider's own answer before the fallback layer adds `provider`, `query`, `providers_failed`. */
export interface ProviderAnswer {
  results: SearchResult[];
  cached: boolean;
}

export interface SearchProvider {
  readonly id: ProviderId;
  search: (req: NormalizedRequest) => Promise<Result<ProviderAnswer, ErrorPayload>>;
}

export type SearchFn = (req: SearchRequest) => Promise<Result<SearchAnswer, ErrorPayload>>;
