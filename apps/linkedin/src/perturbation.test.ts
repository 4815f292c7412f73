import { createToolRegistry, createUpstream, ok } from '@mcp/core';
import {
  outcomeOf,
  perturbationRuns,
  perturbationSeed,
  perturbationTestTimeoutMs,
  perturbationTimeLimitMs,
  type ReplayServer,
  readFixtureText,
  runPerturbations,
  startReplayServer,
  toolContext,
} from '@mcp/core/testing';
import type { SearchFn } from '@mcp/search';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchConfigFromEnv } from './config.js';
import type { FetchWebsite } from './service/find/website-check.js';
import { createPageLoader } from './service/pages.js';
import { linkedinTools } from './tools/index.js';
import { createLinkedInFetcher } from './upstream/linkedin.js';

/*
 * Parse, don't trust: the recorded JSON of fixtures/linkedin is the JSON-LD block of the public
 * Audiense company page. Each case perturbs it (scalars of another type, nulls, dropped keys, wrapped
 * scalars, emptied values), puts it back in the recorded page, and serves that page from loopback both
 * directly and through a provider template — there inside a `{"html": …}` JSON wrapper, the shape of a
 * provider's JSON option (HAND-MADE wrapper, not a recording). get_company (both ways) and find_company
 * must answer with a result or a typed error, never internal_error. PERTURB_RUNS sets the case count
 * (`pnpm test:fuzz:full`), PERTURB_SEED replays.
 */
// Each case parses the 360 KB recorded page three times (about 1 s on a busy 2-core machine): 30 cases
// fit the CI budget; `pnpm test:fuzz:full` runs more.
const RUNS = perturbationRuns(30);

const PAGE = readFixtureText('linkedin', 'company_audiense_public.html');
const LD = /(<script[^>]*type="application\/ld\+json"[^>]*>)([\s\S]*?)(<\/script>)/;
const ldText = LD.exec(PAGE)?.[2] ?? '';
const fixtures = { 'company_audiense_public.html#ld+json': JSON.parse(ldText) as unknown };

let page = PAGE;
let linkedin: ReplayServer;
let provider: ReplayServer;
const search: SearchFn = async (req) =>
  ok({
    query: req.query,
    provider: 'serper',
    providers_failed: [],
    cached: false,
    results: [
      {
        position: 1,
        title: 'Audiense | LinkedIn',
        url: 'https://www.linkedin.com/company/audiense/',
        domain: 'linkedin.com',
        snippet: '',
      },
    ],
  });
const fetchWebsite: FetchWebsite = async () => ({
  ok: false,
  error: { code: 'upstream_timeout', message: 'slow' },
});

beforeAll(async () => {
  const html = { 'content-type': 'text/html; charset=utf-8' };
  linkedin = await startReplayServer(() => ({ headers: html, body: page }));
  provider = await startReplayServer(() => ({
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ html: page, status: 200 }),
  }));
});
afterAll(async () => {
  await Promise.all([linkedin?.close(), provider?.close()]);
});

const toolsFor = (env: Record<string, string | number>) => {
  // A fresh loader per case: its page cache would answer a later case with an earlier page.
  const fetcher = createLinkedInFetcher(fetchConfigFromEnv(env), { createUpstream });
  const registry = createToolRegistry(
    linkedinTools({ loader: createPageLoader(fetcher, { cacheTtlMs: 60_000 }), search, fetchWebsite }),
  );
  return { registry, close: () => fetcher.close() };
};

const answer = async (_fixture: string, ld: unknown): Promise<string[]> => {
  page = PAGE.replace(
    LD,
    (_m, open: string, _body: string, close: string) => `${open}${JSON.stringify(ld)}${close}`,
  );
  const direct = toolsFor({ LINKEDIN_BASE_URL: linkedin.url, LINKEDIN_RATE_PER_SECOND: 1000 });
  const viaProvider = toolsFor({
    LINKEDIN_FETCH_URL_TEMPLATE: `${provider.url}/scrape?url={url}`,
    LINKEDIN_RATE_PER_SECOND: 1000,
  });
  try {
    return [
      outcomeOf(await direct.registry.call('get_company', { slug: 'audiense' }, toolContext())),
      outcomeOf(await direct.registry.call('find_company', { name: 'Audiense' }, toolContext())),
      outcomeOf(await viaProvider.registry.call('get_company', { slug: 'audiense' }, toolContext())),
    ];
  } finally {
    await Promise.all([direct.close(), viaProvider.close()]);
  }
};

describe('linkedin tools on perturbed recorded JSON-LD', () => {
  it('reads the recorded page through the provider JSON wrapper as directly', async () => {
    page = PAGE;
    const direct = toolsFor({ LINKEDIN_BASE_URL: linkedin.url, LINKEDIN_RATE_PER_SECOND: 1000 });
    const viaProvider = toolsFor({ LINKEDIN_FETCH_URL_TEMPLATE: `${provider.url}/scrape?url={url}` });
    const a = await direct.registry.call('get_company', { slug: 'audiense' }, toolContext());
    const b = await viaProvider.registry.call('get_company', { slug: 'audiense' }, toolContext());
    await Promise.all([direct.close(), viaProvider.close()]);
    const { source: _a, ...fromDirect } = a.structuredContent as Record<string, unknown>;
    const { source: _b, ...fromProvider } = b.structuredContent as Record<string, unknown>;
    expect(fromProvider).toEqual(fromDirect);
    expect(fromDirect).toMatchObject({ name: 'Audiense' });
  });

  it(
    `answer ${RUNS} perturbed JSON-LD blocks with a result or a typed error, never internal_error`,
    async () => {
      expect(ldText.length).toBeGreaterThan(0);
      const report = await runPerturbations({
        fixtures,
        answer,
        runs: RUNS,
        seed: perturbationSeed(),
        timeLimitMs: perturbationTimeLimitMs(45_000),
      });
      console.log(
        `[perturb] linkedin: ${report.cases} cases (seed ${report.seed}), answers by code ${JSON.stringify(report.byCode)}`,
      );
      expect(report.cases).toBeGreaterThan(0);
      expect(report.byCode.internal_error).toBeUndefined();
    },
    perturbationTestTimeoutMs(45_000),
  );
});
