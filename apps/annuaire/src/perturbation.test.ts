import { createToolRegistry } from '@mcp/core';
import {
  outcomeOf,
  perturbationRuns,
  perturbationSeed,
  type ReplayServer,
  runPerturbations,
  startReplayServer,
  toolContext,
} from '@mcp/core/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES, fixture, type Harness, harness } from './testing/fixtures.js';

/*
 * Parse, don't trust: every recorded answer of fixtures/annuaire perturbed (scalars of another type,
 * nulls, dropped keys, wrapped scalars, emptied values) and served from loopback to every tool, each
 * asked about the company the recording holds. Each must answer with a result or a typed error, never
 * internal_error. PERTURB_RUNS sets the case count (`pnpm test:fuzz:full`), PERTURB_SEED replays.
 */
const RUNS = perturbationRuns(150);

const names = Object.keys(FIXTURES) as (keyof typeof FIXTURES)[];
const fixtures = Object.fromEntries(names.map((name) => [name, fixture(name)]));

/** The SIREN and head-office SIRET each recording is about, read before any perturbation. */
const subjectOf = (name: string): { siren: string; siret: string } => {
  const first = (fixtures[name] as { results?: Array<{ siren?: string; siege?: { siret?: string } }> })
    .results?.[0];
  const siren = first?.siren ?? '356000000';
  return { siren, siret: first?.siege?.siret ?? `${siren}00048` };
};

let served: unknown = null;
let upstream: ReplayServer;
let h: Harness;

beforeAll(async () => {
  upstream = await startReplayServer((req) =>
    req.path === '/search' || req.path === '/near_point' ? { body: JSON.stringify(served) } : undefined,
  );
  // No cache (each case serves another body) and no 7 req/s pacing (the upstream is this loopback).
  h = harness(upstream.url, { cacheTtlMs: 0, perSecond: 10_000 });
});
afterAll(async () => {
  await h?.close();
  await upstream?.close();
});

const answer = async (name: string, body: unknown): Promise<string[]> => {
  served = body;
  const { siren, siret } = subjectOf(name);
  const registry = createToolRegistry(h.tools);
  const calls: [string, unknown][] = [
    ['search_companies', { query: 'la poste' }],
    ['get_company', { siren }],
    ['get_company', { siret }],
    ['verify_siret', { id: siret }],
    ['verify_sirets', { ids: [siren, siret, `FR00${siren}`] }],
    ['list_establishments', { siren, state: 'active' }],
    ['search_near_point', { latitude: 48.11, longitude: -1.68 }],
    ['get_officers', { siren }],
  ];
  const out: string[] = [];
  for (const [tool, args] of calls) out.push(outcomeOf(await registry.call(tool, args, toolContext())));
  return out;
};

describe('annuaire tools on perturbed recorded register answers', () => {
  it(`answer ${RUNS} perturbed bodies with a result or a typed error, never internal_error`, async () => {
    const report = await runPerturbations({
      fixtures,
      answer,
      runs: RUNS,
      seed: perturbationSeed(),
      timeLimitMs: 45_000,
    });
    console.log(
      `[perturb] annuaire: ${report.cases} cases (seed ${report.seed}), answers by code ${JSON.stringify(report.byCode)}`,
    );
    expect(report.cases).toBeGreaterThan(0);
    expect(report.byCode.internal_error).toBeUndefined();
  }, 60_000);
});
