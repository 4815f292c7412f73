import { createToolRegistry } from '@mcp/core';
import {
  outcomeOf,
  perturbationRuns,
  perturbationSeed,
  perturbationTestTimeoutMs,
  perturbationTimeLimitMs,
  type ReplayServer,
  readFixtureJson,
  runPerturbations,
  startReplayServer,
  toolContext,
} from '@mcp/core/testing';
import { createSearch, type ProviderId, searchConfigFromEnv, searchEnvSchema } from '@mcp/search';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serpTools } from './tools/index.js';

/*
 * Parse, don't trust: every recorded JSON answer of fixtures/serp (Serper, SerpAPI ×2, Brave, Google
 * CSE, SearXNG) perturbed — scalars of another type, nulls, dropped keys, wrapped scalars, emptied
 * values — and served from loopback as the answer of its own provider, the only one configured, to all
 * three tools. Each must answer with a result or a typed error, never internal_error.
 * PERTURB_RUNS sets the case count (`pnpm test:fuzz:full`), PERTURB_SEED replays.
 */
const RUNS = perturbationRuns(200);

const PROVIDER_OF: Record<string, { provider: ProviderId; path: string }> = {
  'serper_search_arsenal.json': { provider: 'serper', path: '/search' },
  'serpapi_google_coffee_java.json': { provider: 'serpapi', path: '/search.json' },
  'serpapi_error.json': { provider: 'serpapi', path: '/search.json' },
  'brave_web.json': { provider: 'brave', path: '/res/v1/web/search' },
  'google_cse_q-test.json': { provider: 'google_cse', path: '/customsearch/v1' },
  'searxng_espresso_grind_size.json': { provider: 'searxng', path: '/searx/search' },
};
const fixtures = Object.fromEntries(Object.keys(PROVIDER_OF).map((f) => [f, readFixtureJson('serp', f)]));

let served: unknown = null;
let upstream: ReplayServer;
beforeAll(async () => {
  upstream = await startReplayServer(() => ({
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(served),
  }));
});
afterAll(async () => {
  await upstream?.close();
});

const CALLS: [string, unknown][] = [
  ['web_search', { query: 'ganymede conseil' }],
  ['find_company_pages', { name: 'Ganymède', siren: '880878145', max_searches: 2 }],
  ['find_company_pages', { name: 'Ganymède', max_searches: 2 }],
  ['search_company_mentions', { name: 'Ganymède', website: 'ganymede.fr' }],
];

const answer = async (fixture: string, body: unknown): Promise<string[]> => {
  served = body;
  const url = upstream.url;
  // A fresh provider chain per case: the search cache would answer a later case with an earlier body.
  const config = searchConfigFromEnv(
    searchEnvSchema.parse({
      SERP_PROVIDER: PROVIDER_OF[fixture]?.provider,
      SERPER_API_KEY: 'perturb-serper-key',
      SERPER_BASE_URL: url,
      SERPAPI_API_KEY: 'perturb-serpapi-key',
      SERPAPI_BASE_URL: url,
      BRAVE_API_KEY: 'perturb-brave-key',
      BRAVE_BASE_URL: url,
      SEARXNG_URL: `${url}/searx`,
      GOOGLE_CSE_KEY: 'perturb-google-key',
      GOOGLE_CSE_CX: 'cx-perturb',
      GOOGLE_CSE_BASE_URL: url,
      SERP_TIMEOUT_MS: '2000',
    }),
  );
  const { search } = createSearch(config);
  const registry = createToolRegistry(serpTools({ search }));
  const out: string[] = [];
  for (const [name, args] of CALLS) out.push(outcomeOf(await registry.call(name, args, toolContext())));
  return out;
};

describe('serp tools on perturbed recorded search-provider answers', () => {
  it(
    `answer ${RUNS} perturbed bodies with a result or a typed error, never internal_error`,
    async () => {
      const report = await runPerturbations({
        fixtures,
        answer,
        runs: RUNS,
        seed: perturbationSeed(),
        timeLimitMs: perturbationTimeLimitMs(45_000),
      });
      console.log(
        `[perturb] serp: ${report.cases} cases (seed ${report.seed}), answers by code ${JSON.stringify(report.byCode)}`,
      );
      expect(report.cases).toBeGreaterThan(0);
      expect(report.byCode.internal_error).toBeUndefined();
    },
    perturbationTestTimeoutMs(45_000),
  );
});
