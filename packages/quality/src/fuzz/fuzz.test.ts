import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APP_CASES, type AppCase, sampleCall } from '../apps/index.js';
import { type AppProcess, spawnApp } from '../support/spawn-app.js';
import { fuzzApp } from './run-fuzz.js';

const merge = (a: Record<string, number>, b: Record<string, number>) => {
  const out = { ...a };
  for (const [k, n] of Object.entries(b)) out[k] = (out[k] ?? 0) + n;
  return out;
};

/*
 * Property-based fuzzing of every app over HTTP, the app in its own process with loopback upstreams.
 * FUZZ_RUNS per app: 1,000 in the normal run, 10,000 in `pnpm test:fuzz:full`, times the app's
 * `fuzzShare` (the all-in-one: a quarter). FUZZ_SEED replays a run.
 */
const RUNS = Number(process.env.FUZZ_RUNS ?? 1000);
const SEED = Number(process.env.FUZZ_SEED ?? Date.now() % 1_000_000);

const callSample = async (proc: AppProcess, app: AppCase) => {
  const call = sampleCall(app, { env: proc.env, requests: () => 0, close: async () => {} });
  const res = await fetch(proc.mcpUrl, {
    method: 'POST',
    headers: {
      authorization: proc.authorization,
      'content-type': 'application/json',
      accept: 'application/json, text/event-stream',
      'mcp-protocol-version': '2025-06-18',
    },
    body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/call', params: call }),
  });
  return (await res.json()) as { result?: { isError?: boolean; structuredContent?: unknown } };
};

describe.each(APP_CASES)('fuzzing $app over HTTP', (app) => {
  let proc: AppProcess;
  beforeAll(async () => {
    proc = await spawnApp(app.app, { nodeArgs: ['--expose-gc'] });
  }, 60_000);
  afterAll(async () => {
    await proc?.stop();
  });

  const runs = Math.round(RUNS * (app.fuzzShare ?? 1));
  it(`answers ${runs} generated requests without a crash, a 5xx or an untyped error`, async () => {
    // Warm up, so idle RSS is the app's working size rather than its empty start.
    expect((await callSample(proc, app)).result?.structuredContent).toMatchObject(app.sample.expect);
    const loopbackUrl = app.loopbackUrl?.({ env: proc.env, requests: () => 0, close: async () => {} });
    const target = loopbackUrl ? { loopbackUrl } : {};
    // A first round (other seed) lets V8 and malloc reach their working size with 1 MB bodies; RSS
    // after it is the baseline, so growth past it over the main run would be a leak, not warm-up.
    const warm = await fuzzApp(proc, { runs: Math.min(200, runs), seed: SEED + 1_000_000, ...target });
    expect(warm.problems).toEqual([]);
    const heapBefore = await proc.collect();
    // The main run in two halves, the live heap read after a full GC at each end: caches (bounded, 500
    // entries) fill during the first, so growth over the second would be a leak.
    const first = await fuzzApp(proc, { runs: Math.ceil(runs / 2), seed: SEED, ...target });
    const heapMid = await proc.collect();
    const second = await fuzzApp(proc, { runs: Math.floor(runs / 2), seed: SEED + runs, ...target });
    const heapAfter = await proc.collect();
    await new Promise((r) => setTimeout(r, 500));
    const report = {
      ...second,
      sent: first.sent + second.sent,
      problems: [...first.problems, ...second.problems],
      idleRssMb: first.idleRssMb,
      peakRssMb: Math.max(first.peakRssMb, second.peakRssMb),
      afterRssMb: proc.rssMb(),
      outcomes: merge(first.outcomes, second.outcomes),
      msByKind: merge(first.msByKind, second.msByKind),
    };
    console.log(
      `[fuzz] ${app.app} live heap after GC (MB): warm ${heapBefore.heapUsed} → half ${heapMid.heapUsed} → end ${heapAfter.heapUsed}`,
    );
    console.log(
      `[fuzz] ${app.app}: ${report.sent} requests (+${warm.sent} warm-up), seed ${report.seed}, RSS warm idle ${report.idleRssMb} MB → peak ${report.peakRssMb} → after ${report.afterRssMb}\n` +
        Object.entries(report.outcomes)
          .sort((a, b) => b[1] - a[1])
          .map(([k, n]) => `  ${n}\t${k}`)
          .join('\n') +
        `\n  ms by kind: ${JSON.stringify(report.msByKind)}`,
    );
    expect(report.problems, `seed ${report.seed}`).toEqual([]);
    expect(report.sent).toBe(runs);
    expect(proc.exitCode()).toBeUndefined();

    // Healthy after: public health, and the fixture-backed call still answers the same.
    const health = await fetch(`${proc.url}/`);
    expect(health.status).toBe(200);
    expect((await callSample(proc, app)).result?.structuredContent).toMatchObject(app.sample.expect);
    // Memory back near idle: no growth of the live heap over the second half (within 10 % or 5 MB), and
    // at most the bounded caches' worth over the warm baseline. RSS does not shrink — V8 keeps the
    // heap pages it grew for 1 MB bodies — so it only gets a ceiling.
    expect(heapAfter.heapUsed).toBeLessThan(Math.max(heapMid.heapUsed * 1.1, heapMid.heapUsed + 5));
    expect(heapAfter.heapUsed).toBeLessThan(heapBefore.heapUsed + 40);
    expect(report.afterRssMb).toBeLessThan(report.idleRssMb + 400);
  }, 600_000);
});
