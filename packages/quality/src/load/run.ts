// `pnpm test:load`: each app alone in its process (its loopback upstreams in another, so the RSS read is
// the app's own) with the Docker image's Node flags (plus --expose-gc for the soak's readings). Per app:
// its idle RSS 1 s after it listens, then 10,000 cached tool calls at 100 connections (0 errors
// allowed); then a soak of all the apps at once (SOAK_SECONDS, default 300, after SOAK_WARMUP_SECONDS,
// default 120) with a full GC and RSS every 30 s (RSS growth ≤ 10 % from the first reading, live heap
// flat); then, after IDLE_AFTER_SOAK_SECONDS (default 10) without load and without forcing a GC (what
// a container shows), RSS ≤ 2× the idle RSS (issue #21). LOAD_APPS=a,b runs only those apps.
// Loopback only, bounded in count and time. Exits non-zero when a check fails.
import { APP_CASES, cachedCall } from '../apps/index.js';
import { buildServers } from '../support/build.js';
import { cannon, toolCallBody } from '../support/cannon.js';
import { imageNodeOptions } from '../support/node-options.js';
import { rest } from '../support/rest.js';
import { rpc } from '../support/rpc.js';
import { type AloneApp, spawnAlone } from '../support/spawn-alone.js';

const AMOUNT = Number(process.env.LOAD_REQUESTS ?? 10_000);
const CONNECTIONS = Number(process.env.LOAD_CONNECTIONS ?? 100);
const SOAK_SECONDS = Number(process.env.SOAK_SECONDS ?? 300);
const SOAK_CONNECTIONS = Number(process.env.SOAK_CONNECTIONS ?? 10);
const SOAK_WARMUP_SECONDS = Number(process.env.SOAK_WARMUP_SECONDS ?? 120);
const IDLE_AFTER_SOAK_SECONDS = Number(process.env.IDLE_AFTER_SOAK_SECONDS ?? 10);
/** Issue #21: RSS after the load and the soak at most this many times the idle RSS. */
const MAX_RSS_OVER_IDLE = 2;
// As the image runs its apps; --expose-gc only lets the soak's readings follow a full collection.
const NODE_ARGS = [...imageNodeOptions(), '--expose-gc'];
const ONLY = (process.env.LOAD_APPS ?? '').split(',').filter(Boolean);
const APPS = ONLY.length > 0 ? APP_CASES.filter((a) => ONLY.includes(a.app)) : APP_CASES;
const failures: string[] = [];
const matches = (actual: Record<string, unknown> | undefined, expected: Record<string, unknown>) =>
  Object.entries(expected).every(([k, v]) => JSON.stringify(actual?.[k]) === JSON.stringify(v));
const say = (line: string) => process.stdout.write(`${line}\n`);

await buildServers();

say(`[load] Node flags of the apps: ${NODE_ARGS.join(' ')}`);
const started: Array<{ name: string; alone: AloneApp; body: string; idleRss: number }> = [];
const spawned: AloneApp[] = [];
try {
  if (APPS.length === 0) throw new Error(`LOAD_APPS: none of ${ONLY.join(', ')} is an app`);
  for (const app of APPS) {
    const alone = await spawnAlone(app.app, NODE_ARGS);
    spawned.push(alone);
    const { proc, up } = alone;
    // Started, listening, at rest: no call yet, so no cache, no connection, no lazily loaded code.
    await rest();
    const idleRss = proc.rssMb();
    say(`[load] ${app.app.padEnd(16)} idle RSS ${idleRss} MB (1 s after it listens, before any call)`);
    const call = cachedCall(app, { env: up.env, requests: () => 0, close: async () => {} });
    const first = await rpc(proc, 'tools/call', call);
    if (first.result?.isError || !first.result) failures.push(`${app.app}: ${call.name} failed`);
    else if (!matches(first.result.structuredContent, call.expect))
      failures.push(
        `${app.app}: ${call.name} answered ${JSON.stringify(first.result.structuredContent).slice(0, 200)}`,
      );
    const body = toolCallBody(call.name, call.arguments);
    const upstreamBefore = await up.upstreamRequests();
    const r = await cannon({
      url: proc.mcpUrl,
      body,
      authorization: proc.authorization,
      connections: CONNECTIONS,
      amount: AMOUNT,
    });
    const upstream = (await up.upstreamRequests()) - upstreamBefore;
    say(
      `[load] ${app.app.padEnd(16)} ${r.requests} requests, ${CONNECTIONS} connections: ${r.rps} req/s, p50 ${r.p50} ms, p99 ${r.p99} ms, errors ${r.errors}, non-2xx ${r.non2xx}, upstream requests ${upstream}, RSS ${proc.rssMb()} MB`,
    );
    if (r.errors > 0 || r.non2xx > 0) failures.push(`${app.app}: ${r.errors} errors, ${r.non2xx} non-2xx`);
    if (r.requests < AMOUNT) failures.push(`${app.app}: only ${r.requests} of ${AMOUNT} requests completed`);
    started.push({ name: app.app, alone, body, idleRss });
  }

  // Under load V8 grows its heap in steps for a minute or so: that warm-up is run and shown, not judged.
  say(
    `\n[soak] warm-up: ${SOAK_WARMUP_SECONDS} s at the soak load; RSS (MB) before: ${started.map((s) => `${s.name} ${s.alone.proc.rssMb()}`).join(', ')}`,
  );
  await Promise.all(
    started.map((s) =>
      cannon({
        url: s.alone.proc.mcpUrl,
        body: s.body,
        authorization: s.alone.proc.authorization,
        connections: SOAK_CONNECTIONS,
        seconds: SOAK_WARMUP_SECONDS,
      }),
    ),
  );
  say(
    `[soak] ${SOAK_SECONDS} s, ${started.length} app(s) at once, ${SOAK_CONNECTIONS} connections each; RSS MB (live heap / V8 heap total MB) every 30 s, after a GC`,
  );
  say(`[soak] t(s)  ${started.map((s) => s.name.padStart(22)).join('')}`);
  // Each reading follows a full GC in the app, so it shows retained memory rather than where V8's
  // heap happens to be between collections; the live heap is printed beside it.
  const rss: number[][] = [];
  const heap: number[][] = [];
  const sample = async (t: number) => {
    const heaps = await Promise.all(started.map((s) => s.alone.proc.collect()));
    const row = started.map((s) => s.alone.proc.rssMb());
    rss.push(row);
    heap.push(heaps.map((h) => h.heapUsed));
    say(
      `[soak] ${String(t).padStart(4)}  ${row.map((v, i) => `${v} (${heaps[i]?.heapUsed}/${heaps[i]?.heapTotal})`.padStart(22)).join('')}`,
    );
  };
  const runs = Promise.all(
    started.map((s) =>
      cannon({
        url: s.alone.proc.mcpUrl,
        body: s.body,
        authorization: s.alone.proc.authorization,
        connections: SOAK_CONNECTIONS,
        seconds: SOAK_SECONDS,
      }),
    ),
  );
  for (let t = 30; t <= SOAK_SECONDS; t += 30) {
    await rest(30_000);
    await sample(t);
  }
  const results = await runs;
  // The first reading (after 30 s of load) is the warmed-up baseline; the last must stay within 10 %.
  const firstRow = rss[0] ?? [];
  const lastRow = rss.at(-1) ?? [];
  started.forEach((s, i) => {
    const result = results[i];
    const base = firstRow[i] ?? 0;
    const last = lastRow[i] ?? 0;
    const growth = base > 0 ? Math.round(((last - base) / base) * 1000) / 10 : 0;
    say(
      `[soak] ${s.name.padEnd(16)} ${result?.requests} requests, ${result?.rps} req/s, errors ${result?.errors}, non-2xx ${result?.non2xx}, RSS ${base} → ${last} MB (${growth >= 0 ? '+' : ''}${growth} %)`,
    );
    if (growth > 10) failures.push(`${s.name}: RSS grew ${growth} % during the soak`);
    const heapBase = heap[0]?.[i] ?? 0;
    const heapLast = heap.at(-1)?.[i] ?? 0;
    say(`[soak] ${s.name.padEnd(16)} live heap ${heapBase} → ${heapLast} MB`);
    if (heapLast > Math.max(heapBase * 1.1, heapBase + 5))
      failures.push(`${s.name}: live heap grew from ${heapBase} to ${heapLast} MB during the soak`);
    if ((result?.errors ?? 0) > 0 || (result?.non2xx ?? 0) > 0)
      failures.push(`${s.name}: errors during the soak`);
  });

  // Issue #21's bound on what a container shows once the load is over: no forced GC here, V8 and
  // the allocator keep whatever they keep after IDLE_AFTER_SOAK_SECONDS at rest.
  say(`\n[after] ${IDLE_AFTER_SOAK_SECONDS} s without load, no forced GC`);
  await rest(IDLE_AFTER_SOAK_SECONDS * 1000);
  for (const s of started) {
    const rss = s.alone.proc.rssMb();
    const ratio = s.idleRss > 0 ? rss / s.idleRss : Number.POSITIVE_INFINITY;
    const met = ratio <= MAX_RSS_OVER_IDLE;
    say(
      `[after] ${s.name.padEnd(16)} RSS after load and soak ${rss} MB = ${ratio.toFixed(2)}× idle (${s.idleRss} MB; target ≤ ${MAX_RSS_OVER_IDLE}×: ${met ? 'met' : 'not met'})`,
    );
    if (!met)
      failures.push(
        `${s.name}: RSS after load and soak ${rss} MB is ${ratio.toFixed(2)}× its idle ${s.idleRss} MB (target ≤ ${MAX_RSS_OVER_IDLE}×)`,
      );
  }
} finally {
  await Promise.all(spawned.map((a) => a.stop()));
}

if (failures.length > 0) {
  say(`\nFAILED:\n${failures.map((f) => `  - ${f}`).join('\n')}`);
  process.exit(1);
}
say('\nload: all checks passed');
