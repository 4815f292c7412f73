import { readdirSync } from 'node:fs';
import { createToolRegistry, createUpstream, ok } from '@mcp/core';
import {
  fixturePath,
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
import { load } from 'cheerio';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchConfigFromEnv } from './config.js';
import { readMeta } from './service/extract/meta.js';
import type { FetchWebsite } from './service/find/website-check.js';
import { createPageLoader } from './service/pages.js';
import { type RefKind, refFromUrl } from './service/urls.js';
import { HAND_MADE_PUBLIC_PROFILE } from './testing/hand-made-pages.js';
import { ldBlocksOf, withLdBlock } from './testing/ld-blocks.js';
import { linkedinTools } from './tools/index.js';
import { createLinkedInFetcher } from './upstream/linkedin.js';

/*
 * Parse, don't trust: every JSON-LD block of every recorded LinkedIn page in fixtures/linkedin (today the
 * public Audiense company page; the logged-in app shell has none), plus the HAND-MADE public profile of
 * testing/hand-made-pages.ts (no public profile was recorded) so the Person schema is perturbed too.
 * Each case perturbs one block (scalars of another type, nulls, dropped keys, wrapped scalars, emptied
 * values), puts it back in its page, and serves that page from loopback both directly and through a
 * provider template — there inside a `{"html": …}` JSON wrapper, the shape of a provider's JSON option
 * (HAND-MADE wrapper, not a recording). A company page goes to get_company (both ways) and, as the
 * company's own website, to find_company (its JSON-LD sameAs); a profile to get_profile (both ways).
 * Every call must answer with a result or a typed error, never internal_error. PERTURB_RUNS sets the
 * case count (`pnpm test:fuzz:full`), PERTURB_SEED replays.
 */
// A company case parses the 360 KB recorded page three times (about 1 s on a busy 2-core machine), a
// profile case is quick: 40 cases fit the CI budget; `pnpm test:fuzz:full` runs more.
const RUNS = perturbationRuns(40);

interface LdPage {
  html: string;
  kind: RefKind;
}

/** What the page is about, as its own Open Graph URL or canonical link says. */
const kindOf = (html: string): RefKind | undefined => {
  const meta = readMeta(load(html));
  return refFromUrl(meta.og.url ?? meta.canonical ?? '')?.kind;
};

const pages = new Map<string, LdPage>();
for (const file of readdirSync(fixturePath('linkedin')).filter((f) => f.endsWith('.html'))) {
  const html = readFixtureText('linkedin', file);
  const kind = kindOf(html);
  if (kind) pages.set(file, { html, kind });
}
pages.set('HAND_MADE_PUBLIC_PROFILE', { html: HAND_MADE_PUBLIC_PROFILE, kind: 'profile' });

// One fixture per block: `<page>#ld+json[<index>]`.
const blocks = new Map<string, { page: LdPage; index: number }>();
const fixtures: Record<string, unknown> = {};
for (const [name, page] of pages) {
  for (const { index, json } of ldBlocksOf(page.html)) {
    const key = `${name}#ld+json[${index}]`;
    blocks.set(key, { page, index });
    fixtures[key] = json;
  }
}

const AUDIENSE = readFixtureText('linkedin', 'company_audiense_public.html');
let page = AUDIENSE;
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
// The company's "own website" is the perturbed page itself: find_company reads its JSON-LD sameAs.
const fetchWebsite: FetchWebsite = async (url) => ok({ url, status: 200, text: page });

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

const answer = async (fixture: string, ld: unknown): Promise<string[]> => {
  const block = blocks.get(fixture);
  if (!block) throw new Error(`no JSON-LD block ${fixture}`);
  page = withLdBlock(block.page.html, block.index, ld);
  const direct = toolsFor({ LINKEDIN_BASE_URL: linkedin.url, LINKEDIN_RATE_PER_SECOND: 1000 });
  const viaProvider = toolsFor({
    LINKEDIN_FETCH_URL_TEMPLATE: `${provider.url}/scrape?url={url}`,
    LINKEDIN_RATE_PER_SECOND: 1000,
  });
  const call = async (tools: ReturnType<typeof toolsFor>, name: string, args: unknown) =>
    outcomeOf(await tools.registry.call(name, args, toolContext()));
  try {
    return block.page.kind === 'company'
      ? [
          await call(direct, 'get_company', { slug: 'audiense' }),
          await call(direct, 'find_company', { name: 'Audiense', website: 'www.audiense.com' }),
          await call(viaProvider, 'get_company', { slug: 'audiense' }),
        ]
      : [
          await call(direct, 'get_profile', { public_id: 'camille-exemple-0000' }),
          await call(viaProvider, 'get_profile', { public_id: 'camille-exemple-0000' }),
        ];
  } finally {
    await Promise.all([direct.close(), viaProvider.close()]);
  }
};

describe('linkedin tools on perturbed JSON-LD blocks', () => {
  it('has the JSON-LD of the recorded company page and of the hand-made profile to perturb', () => {
    expect(Object.keys(fixtures)).toEqual([
      'company_audiense_public.html#ld+json[0]',
      'HAND_MADE_PUBLIC_PROFILE#ld+json[0]',
    ]);
  });

  it('puts a perturbed block back where it was, and only there', () => {
    const next = withLdBlock(AUDIENSE, 0, { '@type': 'Organization', name: '</script><b>x' });
    expect(ldBlocksOf(next)).toEqual([
      { index: 0, json: { '@type': 'Organization', name: '</script><b>x' } },
    ]);
    const start = AUDIENSE.indexOf('type="application/ld+json"');
    const end = AUDIENSE.indexOf('</script>', start);
    expect(next.slice(0, start)).toBe(AUDIENSE.slice(0, start));
    expect(next.endsWith(AUDIENSE.slice(end))).toBe(true);
    expect(next).toContain('"name":"<\\/script><b>x"');
  });

  it('reads the recorded page through the provider JSON wrapper as directly', async () => {
    page = AUDIENSE;
    const direct = toolsFor({ LINKEDIN_BASE_URL: linkedin.url, LINKEDIN_RATE_PER_SECOND: 1000 });
    const viaProvider = toolsFor({ LINKEDIN_FETCH_URL_TEMPLATE: `${provider.url}/scrape?url={url}` });
    const a = await direct.registry.call('get_company', { slug: 'audiense' }, toolContext());
    const b = await viaProvider.registry.call('get_company', { slug: 'audiense' }, toolContext());
    await Promise.all([direct.close(), viaProvider.close()]);
    const { source: _a, ...fromDirect } = a.structuredContent as Record<string, unknown>;
    const { source: _b, ...fromProvider } = b.structuredContent as Record<string, unknown>;
    expect(fromProvider).toEqual(fromDirect);
    expect(fromDirect).toMatchObject({ name: 'Audiense' });
    // The first parses start the HTML workers from source: slow on a busy machine.
  }, 30_000);

  it(
    `answer ${RUNS} perturbed JSON-LD blocks with a result or a typed error, never internal_error`,
    async () => {
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
