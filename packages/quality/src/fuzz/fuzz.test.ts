import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APP_CASES, type AppCase, sampleCall } from '../apps/index.js';
import { type AppProcess, spawnApp } from '../support/spawn-app.js';
import { fuzzApp } from './run-fuzz.js';

/*
 * Property-based fuzzing of every app over HTTP, the app in its own process with loopback upstreams.
 * FUZZ_RUNS per app: 1,000 in the normal run, 10,000 in `pnpm test:fuzz:full`. FUZZ_SEED replays a run.
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

  it(`answers ${RUNS} generated requests without a crash, a 5xx or an untyped error`, async () => {
    // Warm up, so idle RSS is the app's working size rather than its empty start.
    expect((await callSample(proc, app)).result?.structuredContent).toMatchObject(app.sample.expect);
    const loopbackUrl = app.loopbackUrl?.({ env: proc.env, requests: () => 0, close: async () => {} });
    const target = loopbackUrl ? { loopbackUrl } : {};
    // A first round (other seed) lets V8 and malloc reach their working size with 1 MB bodies; RSS
    // after it is the baseline, so growth past it over the main run would be a leak, not warm-up.
    const warm = await fuzzApp(proc, { runs: Math.min(200, RUNS), seed: SEED + 1_000_000, ...target });
    expect(warm.problems).toEqual([]);
    const heapBefore = await proc.collect();
    const report = await fuzzApp(proc, { runs: RUNS, seed: SEED, ...target });
    const heapAfter = await proc.collect();
    await new Promise((r) => setTimeout(r, 500));
    report.afterRssMb = proc.rssMb();
    console.log(
      `[fuzz] ${app.app} heap after GC: before ${JSON.stringify(heapBefore)} after ${JSON.stringify(heapAfter)}`,
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
    expect(report.sent).toBe(RUNS);
    expect(proc.exitCode()).toBeUndefined();

    // Healthy after: public health, and the fixture-backed call still answers the same.
    const health = await fetch(`${proc.url}/`);
    expect(health.status).toBe(200);
    expect((await callSample(proc, app)).result?.structuredContent).toMatchObject(app.sample.expect);
    // Memory back near idle: the live heap after a full GC is within 15 % (or 10 MB: bounded caches
    // fill up) of the warmed-up baseline. RSS itself does not shrink — V8 keeps the heap pages it grew
    // for 1 MB bodies — so it only gets a ceiling.
    expect(heapAfter.heapUsed).toBeLessThan(Math.max(heapBefore.heapUsed * 1.15, heapBefore.heapUsed + 10));
    expect(report.afterRssMb).toBeLessThan(report.idleRssMb + 250);
  }, 600_000);
});
