import { type ReplayRoute, type ReplayServer, readFixture, startReplayServer } from '@mcp/core/testing';
import { afterEach } from 'vitest';
import { type SearchConfig, searchConfigFromEnv, searchEnvSchema } from './config.js';
import { createSearch } from './search.js';
import type { ProviderId } from './types.js';

// Shared by the replay tests: loopback servers answering with the recorded provider bodies.

export const KEYS = {
  serper: 'serper-key-5f2a9c81d0',
  serpapi: 'serpapi-key-0e4b7d12aa',
  brave: 'brave-key-93c1e6f0b7',
  google: 'google-key-AIzaSyTest12',
};

export const fixture = (file: string): ReplayRoute['body'] => readFixture('serp', file);
export const json = { 'content-type': 'application/json' };
export const html = { 'content-type': 'text/html; charset=utf-8' };

export const ROUTES: Record<ProviderId, ReplayRoute> = {
  serper: { method: 'POST', path: '/search', headers: json, body: fixture('serper_search_arsenal.json') },
  serpapi: { path: '/search.json', headers: json, body: fixture('serpapi_google_coffee_java.json') },
  brave: { path: '/res/v1/web/search', headers: json, body: fixture('brave_web.json') },
  searxng: { path: '/searx/search', headers: json, body: fixture('searxng_espresso_grind_size.json') },
  google_cse: { path: '/customsearch/v1', headers: json, body: fixture('google_cse_q-test.json') },
  duckduckgo: { path: '/html/', headers: html, body: fixture('ddg_html_weather_jakarta.html') },
};

let servers: ReplayServer[] = [];
/** Call once at the top of a test file: closes that file's replay servers after each test. */
export const closeReplaysAfterEach = (): void => {
  afterEach(async () => {
    await Promise.all(servers.map((s) => s.close()));
    servers = [];
  });
};

export const replay = async (routes: ReplayRoute[]): Promise<ReplayServer> => {
  const server = await startReplayServer(routes);
  servers.push(server);
  return server;
};

/** Every provider configured against one loopback server, as the env would set it. */
export const configFor = (url: string, extra: Record<string, string> = {}): SearchConfig =>
  searchConfigFromEnv(
    searchEnvSchema.parse({
      SERPER_API_KEY: KEYS.serper,
      SERPER_BASE_URL: url,
      SERPAPI_API_KEY: KEYS.serpapi,
      SERPAPI_BASE_URL: url,
      BRAVE_API_KEY: KEYS.brave,
      BRAVE_BASE_URL: url,
      SEARXNG_URL: `${url}/searx`,
      GOOGLE_CSE_KEY: KEYS.google,
      GOOGLE_CSE_CX: 'cx-017576662512468239146',
      GOOGLE_CSE_BASE_URL: url,
      DDG_BASE_URL: url,
      SERP_TIMEOUT_MS: '2000',
      ...extra,
    }),
  );

export const searchWith = (config: SearchConfig) => createSearch(config).search;
