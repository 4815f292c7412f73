import { ConfigError } from '@mcp/core';
import { htmlEnv, htmlLimitsFromEnv } from '@mcp/html';
import * as z from 'zod/v4';
import type { BraveConfig } from './providers/brave.js';
import type { DuckDuckGoConfig } from './providers/duckduckgo.js';
import type { GoogleCseConfig } from './providers/google-cse.js';
import type { SearxngConfig } from './providers/searxng.js';
import type { SerpApiConfig } from './providers/serpapi.js';
import type { SerperConfig } from './providers/serper.js';
import { PROVIDER_IDS, type ProviderChoice, type ProviderId } from './types.js';

export interface SearchConfig {
  provider: ProviderChoice;
  /** The order `auto` tries configured providers in. */
  order: readonly ProviderId[];
  serper?: SerperConfig | undefined;
  serpapi?: SerpApiConfig | undefined;
  brave?: BraveConfig | undefined;
  searxng?: SearxngConfig | undefined;
  googleCse?: GoogleCseConfig | undefined;
  /** Keyless, on unless set to `false`. */
  duckduckgo?: DuckDuckGoConfig | false | undefined;
  /** 0 disables the cache. */
  cacheTtlMs: number;
  timeoutMs: number;
}

export const DEFAULT_CACHE_TTL_S = 21_600;
export const DEFAULT_TIMEOUT_MS = 10_000;

/** `SERPER_API_KEY=` in a compose file means "unset", not "the empty key". */
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), schema.optional());

const secret = (what: string) => optional(z.string().trim().min(8).describe(what));
const baseUrl = (what: string) => optional(z.url({ protocol: /^https?$/ }).describe(what));

/**
 * The search variables, as a zod shape an app spreads into its own env schema
 * (`z.object({ ...searchEnvShape, … })`), then turns into a config with `searchConfigFromEnv`.
 */
export const searchEnvShape = {
  SERP_PROVIDER: optional(z.enum(['auto', ...PROVIDER_IDS])).describe('auto (default) or one provider id'),
  SERPER_API_KEY: secret('Serper.dev API key'),
  SERPER_BASE_URL: baseUrl('Serper base URL (tests)'),
  SERPAPI_API_KEY: secret('SerpAPI API key'),
  SERPAPI_BASE_URL: baseUrl('SerpAPI base URL (tests)'),
  BRAVE_API_KEY: secret('Brave Search API subscription token'),
  BRAVE_BASE_URL: baseUrl('Brave Search base URL (tests)'),
  SEARXNG_URL: baseUrl('SearXNG instance URL, json format enabled'),
  GOOGLE_CSE_KEY: secret('Google Programmable Search JSON API key (legacy)'),
  GOOGLE_CSE_CX: optional(z.string().trim().min(1).describe('Google Programmable Search engine id (cx)')),
  GOOGLE_CSE_BASE_URL: baseUrl('Google Custom Search base URL (tests)'),
  DDG_BASE_URL: baseUrl('DuckDuckGo html endpoint base URL (tests)'),
  SERP_DISABLE_DUCKDUCKGO: optional(z.stringbool().describe('true to drop the keyless DuckDuckGo fallback')),
  SERP_CACHE_TTL_S: optional(
    z.coerce.number().int().min(0).max(604_800).describe('result cache TTL, seconds'),
  ),
  SERP_TIMEOUT_MS: optional(z.coerce.number().int().min(500).max(60_000).describe('per-provider timeout')),
  // HTML_MAX_BYTES, HTML_MAX_DEPTH, HTML_PARSE_TIMEOUT_MS: limits of DuckDuckGo's HTML results pages.
  ...htmlEnv.shape,
};

export const searchEnvSchema = z.object(searchEnvShape);
export type SearchEnv = z.output<typeof searchEnvSchema>;

/** Turns parsed env into a config; throws core's `ConfigError` (start-up only) when choice and keys disagree. */
export const searchConfigFromEnv = (env: SearchEnv): SearchConfig => {
  const problems: string[] = [];
  if (env.GOOGLE_CSE_KEY && !env.GOOGLE_CSE_CX)
    problems.push('GOOGLE_CSE_KEY is set but GOOGLE_CSE_CX is missing');
  if (env.GOOGLE_CSE_CX && !env.GOOGLE_CSE_KEY)
    problems.push('GOOGLE_CSE_CX is set but GOOGLE_CSE_KEY is missing');
  const config: SearchConfig = {
    provider: env.SERP_PROVIDER ?? 'auto',
    order: PROVIDER_IDS,
    serper: env.SERPER_API_KEY ? { apiKey: env.SERPER_API_KEY, baseUrl: env.SERPER_BASE_URL } : undefined,
    serpapi: env.SERPAPI_API_KEY ? { apiKey: env.SERPAPI_API_KEY, baseUrl: env.SERPAPI_BASE_URL } : undefined,
    brave: env.BRAVE_API_KEY ? { apiKey: env.BRAVE_API_KEY, baseUrl: env.BRAVE_BASE_URL } : undefined,
    searxng: env.SEARXNG_URL ? { url: env.SEARXNG_URL } : undefined,
    googleCse:
      env.GOOGLE_CSE_KEY && env.GOOGLE_CSE_CX
        ? { key: env.GOOGLE_CSE_KEY, cx: env.GOOGLE_CSE_CX, baseUrl: env.GOOGLE_CSE_BASE_URL }
        : undefined,
    duckduckgo: env.SERP_DISABLE_DUCKDUCKGO
      ? false
      : { baseUrl: env.DDG_BASE_URL, htmlLimits: htmlLimitsFromEnv(env) },
    cacheTtlMs: (env.SERP_CACHE_TTL_S ?? DEFAULT_CACHE_TTL_S) * 1000,
    timeoutMs: env.SERP_TIMEOUT_MS ?? DEFAULT_TIMEOUT_MS,
  };
  const chosen = config.provider;
  if (chosen !== 'auto') {
    const configured =
      chosen === 'google_cse'
        ? config.googleCse
        : chosen === 'duckduckgo'
          ? config.duckduckgo
          : config[chosen];
    if (!configured) problems.push(`SERP_PROVIDER=${chosen} but its key/URL variables are not set`);
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
};
