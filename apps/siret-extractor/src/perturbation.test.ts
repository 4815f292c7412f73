import { readdirSync } from 'node:fs';
import { createSafeFetch, createToolRegistry } from '@mcp/core';
import {
  fixturesDir,
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
import { isValidSiren } from '@mcp/fr-ids';
import { createRegisterClient } from '@mcp/recherche-entreprises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extractorTools } from './tools/index.js';
import { pageFetcherFrom } from './upstream/page-fetcher.js';

/*
 * Parse, don't trust: verification reads the API Recherche d'entreprises. Every recorded answer of
 * fixtures/annuaire is perturbed (scalars of another type, nulls, dropped keys, wrapped scalars, emptied
 * values) and served from loopback as the register's answer while extract_from_text, extract_from_html
 * and extract_from_url verify a notice naming the fixture's first valid SIREN. Each must answer with a
 * result or a typed error, never internal_error. PERTURB_RUNS sets the case count
 * (`pnpm test:fuzz:full`), PERTURB_SEED replays.
 */
const RUNS = perturbationRuns(200);

const files = readdirSync(`${fixturesDir()}/annuaire`).filter(
  (f) => f.startsWith('search_') && f.endsWith('.json'),
);
const fixtures = Object.fromEntries(files.map((f) => [f, readFixtureJson('annuaire', f)]));

/** The SIREN a notice states for a fixture: its first result's, when valid; else La Poste's. */
const sirenFor = (fixture: string): string => {
  const results = (fixtures[fixture] as { results?: { siren?: unknown }[] }).results ?? [];
  const first = results
    .map((r) => r.siren)
    .find((s): s is string => typeof s === 'string' && isValidSiren(s));
  return first ?? '356000000';
};

let served: unknown = null;
let notice = '';
let annuaire: ReplayServer;
let site: ReplayServer;

beforeAll(async () => {
  annuaire = await startReplayServer(() => ({
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(served),
  }));
  site = await startReplayServer(() => ({
    headers: { 'content-type': 'text/html; charset=utf-8' },
    body: notice,
  }));
});
afterAll(async () => {
  await Promise.all([annuaire?.close(), site?.close()]);
});

const answer = async (fixture: string, body: unknown): Promise<string[]> => {
  served = body;
  const siren = sirenFor(fixture);
  const text = `## Mentions légales\nÉditeur : Société Exemple SAS\nSIREN : ${siren.replace(/(\d{3})(?=\d)/g, '$1 ')}`;
  notice = `<html><body><h1>Mentions légales</h1><p>${text.replace(/\n/g, '<br>')}</p></body></html>`;
  // A fresh register client per case: its cache would answer a later case with an earlier body.
  const api = createRegisterClient({ baseUrl: annuaire.url, cacheTtlMs: 0, perSecond: 1000 });
  const registry = createToolRegistry(
    extractorTools({
      fetchPage: pageFetcherFrom(createSafeFetch({ allowHosts: ['127.0.0.1'], allowPorts: [site.port] })),
      annuaire: api,
    }),
  );
  try {
    return [
      outcomeOf(await registry.call('extract_from_text', { text, verify: true }, toolContext())),
      outcomeOf(await registry.call('extract_from_html', { html: notice, verify: true }, toolContext())),
      outcomeOf(
        await registry.call(
          'extract_from_url',
          { url: `${site.url}/mentions-legales`, verify: true },
          toolContext(),
        ),
      ),
    ];
  } finally {
    await api.close();
  }
};

describe('siret-extractor verification on perturbed recorded register answers', () => {
  it(
    `answers ${RUNS} perturbed bodies with a result or a typed error, never internal_error`,
    async () => {
      expect(files.length).toBeGreaterThan(5);
      const report = await runPerturbations({
        fixtures,
        answer,
        runs: RUNS,
        seed: perturbationSeed(),
        timeLimitMs: perturbationTimeLimitMs(45_000),
      });
      console.log(
        `[perturb] siret-extractor: ${report.cases} cases (seed ${report.seed}), answers by code ${JSON.stringify(report.byCode)}`,
      );
      expect(report.cases).toBeGreaterThan(0);
      expect(report.byCode.internal_error).toBeUndefined();
    },
    perturbationTestTimeoutMs(45_000),
  );
});
