// `pnpm bench` (packages/quality): in one run on loopback, raw Fastify, the SDK's documented stateless
// pattern, @mcp/core's full stack (core's own bench servers) and a cached tool call of each app; plus
// each app's cold start, idle/loaded RSS and upstream requests per tool call. The targets' ratios come
// from interleaved rounds (every side of a comparison measured in turn, round after round). Prints the
// report and writes it between the markers of docs/benchmarks.md (BENCH_WRITE=0 to only print).
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { APP_CASES, cachedCall } from '../apps/index.js';
import { BUNDLED_SERVE_APP, buildServers, CORE_BENCH, FLOOR_LIBRARIES } from '../support/build.js';
import { toolCallBody } from '../support/cannon.js';
import { imageNodeOptions } from '../support/node-options.js';
import { rest } from '../support/rest.js';
import { rpc } from '../support/rpc.js';
import { type AloneApp, spawnAlone } from '../support/spawn-alone.js';
import { spawnApp } from '../support/spawn-app.js';
import { loadThenRest, measureCall, modernToolCall } from './alone.js';
import type { AppFigures } from './figures.js';
import { interleave, ratioOf, type Side } from './interleave.js';
import { type Baseline, idleRss, startBaseline } from './measure.js';
import { renderReport } from './report.js';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);
/** The app whose cached answer the payload baselines send too (a 15 KB record). */
const PAYLOAD_APP = 'annuaire';
// The apps run with the Node flags of their Docker image, as in production.
const NODE_ARGS = imageNodeOptions();
// test:load's burst (10,000 calls × 100 connections) and a shorter soak than its 5 minutes.
const LOAD_REQUESTS = 10_000;
const LOAD_CONNECTIONS = 100;
const SOAK_SECONDS = Number(process.env.BENCH_SOAK_SECONDS ?? 60);
const AFTER_SOAK_SECONDS = 10;
const SINGLE_FLIGHT = 20;
const CACHED_CALLS = 100;
const say = (line: string) => process.stdout.write(`${line}\n`);

const loadBefore = loadavg();
await buildServers();
const echo = toolCallBody('echo', { text: 'hello' });
// The same per-run password as core's bench: core-stack reads it from BENCH_PASSWORD.
process.env.BENCH_PASSWORD ??= randomBytes(18).toString('base64url');
const basic = `Basic ${Buffer.from(`bench:${process.env.BENCH_PASSWORD}`).toString('base64')}`;
const opts = { seconds: SECONDS, connections: CONNECTIONS };
const rounds = { ...opts, rounds: ROUNDS };

const work = mkdtempSync(join(tmpdir(), 'mcp-bench-'));
const payloadFile = join(work, 'payload.json');
const kept = new Map<string, AloneApp>();
const baselines: Baseline[] = [];
const stopAll = async () => {
  for (const b of baselines) b.stop();
  for (const a of kept.values()) await a.stop();
};

try {
  let payload: { name: string; arguments: Record<string, unknown>; body: string } | undefined;
  const apps: AppFigures[] = [];
  for (const app of APP_CASES) {
    say(`${app.app}…`);
    // A first process: cold start to the first answer of a real (uncached) tool call, and what that one
    // call costs upstream.
    const t0 = performance.now();
    const cold = await spawnApp(app.app, { entry: BUNDLED_SERVE_APP, nodeArgs: NODE_ARGS });
    const call = cachedCall(app, { env: cold.env, requests: () => 0, close: async () => {} });
    let coldStartMs: number;
    let sampleUpstream: number;
    try {
      const first = await rpc(cold, 'tools/call', call);
      coldStartMs = Math.round(performance.now() - t0);
      if (first.result?.isError || !first.result) throw new Error(`${app.app}: ${call.name} failed`);
      sampleUpstream = await cold.upstreamRequests();
    } finally {
      await cold.stop();
    }
    // Then the app alone in its own process (its upstreams in another): idle RSS at rest after
    // start-up, then with the cache cold again single-flight, the cache, and throughput.
    const alone = await spawnAlone(app.app, NODE_ARGS);
    const { proc, up } = alone;
    const keep = app.app === PAYLOAD_APP || app.app === 'all-in-one';
    if (keep) kept.set(app.app, alone);
    try {
      await rest();
      const idleRssMb = proc.rssMb();
      const fresh = cachedCall(app, { env: up.env, requests: () => 0, close: async () => {} });
      let before = await up.upstreamRequests();
      const answers = await Promise.all(
        Array.from({ length: SINGLE_FLIGHT }, () => rpc(proc, 'tools/call', fresh)),
      );
      const singleFlightUpstream = (await up.upstreamRequests()) - before;
      if (answers.some((a) => a.result?.isError || !a.result))
        throw new Error(`${app.app}: ${call.name} failed`);

      // Cache: the same call again and again costs no upstream request.
      before = await up.upstreamRequests();
      for (let i = 0; i < CACHED_CALLS; i++) await rpc(proc, 'tools/call', fresh);
      const cachedUpstreamPerCall = ((await up.upstreamRequests()) - before) / CACHED_CALLS;

      const answer = await rpc(proc, 'tools/call', fresh);
      const answerBytes = JSON.stringify(answer).length;
      const warmRssMb = proc.rssMb();
      const body = toolCallBody(fresh.name, fresh.arguments);
      if (app.app === PAYLOAD_APP) {
        writeFileSync(payloadFile, JSON.stringify(answer.result));
        payload = { ...fresh, body };
      }
      const r = await measureCall(
        app.app,
        { url: proc.mcpUrl, body, authorization: proc.authorization },
        opts,
      );
      apps.push({
        app: app.app,
        tool: call.name,
        coldStartMs,
        answerBytes,
        singleFlightUpstream,
        sampleUpstream,
        cachedUpstreamPerCall,
        warmRssMb,
        row: { name: `${app.app} · ${call.name} (cached)`, ...r, idleRssMb, loadedRssMb: proc.rssMb() },
      });
    } finally {
      if (!keep) await alone.stop();
    }
  }

  const started = async (
    name: string,
    entry: string,
    body: string,
    env: Record<string, string> = {},
    nodeArgs: string[] = [],
  ): Promise<Side> => {
    const server = await startBaseline(entry, { env, nodeArgs });
    baselines.push(server);
    await rest();
    return {
      name,
      url: server.url,
      body,
      authorization: basic,
      idleRssMb: server.rssMb(),
      rssMb: server.rssMb,
    };
  };

  say(`echo, ${ROUNDS} interleaved rounds: raw Fastify, SDK stateless pattern, @mcp/core full stack…`);
  const echoSides = [
    await started('raw Fastify JSON echo', CORE_BENCH.rawFastify, echo),
    await started('SDK stateless pattern (echo)', CORE_BENCH.sdkPattern, echo),
    await started('@mcp/core full stack (echo)', CORE_BENCH.coreStack, echo),
  ];
  const echoFigures = await interleave(echoSides, rounds);
  for (const b of baselines.splice(0)) b.stop();

  const annuaire = kept.get(PAYLOAD_APP);
  const allInOne = kept.get('all-in-one');
  if (!payload || !annuaire || !allInOne) throw new Error(`${PAYLOAD_APP} or all-in-one was not measured`);
  say(
    `the ${PAYLOAD_APP} payload, ${ROUNDS} interleaved rounds: bare Fastify, the SDK pattern, ${PAYLOAD_APP} (2025 and 2026-07-28 clients), all-in-one (/mcp and /${PAYLOAD_APP}/mcp)…`,
  );
  const payloadEnv = { BENCH_PAYLOAD: payloadFile };
  const idleOf = (app: string) => apps.find((f) => f.app === app)?.row.idleRssMb ?? 0;
  const appSide = (
    name: string,
    a: AloneApp,
    path: string,
    body: string,
    idleRssMb: number,
    headers?: Record<string, string>,
  ): Side => ({
    name,
    url: `${a.proc.url}${path}`,
    body,
    authorization: a.proc.authorization,
    ...(headers ? { headers } : {}),
    idleRssMb,
    rssMb: a.proc.rssMb,
  });
  const modern = modernToolCall(payload.name, payload.arguments);
  const prefixed = toolCallBody(`${PAYLOAD_APP}_${payload.name}`, payload.arguments);
  const payloadSides = [
    await started('raw Fastify, same payload', CORE_BENCH.rawFastify, payload.body, payloadEnv),
    await started(
      "raw Fastify, same payload, the image's Node flags",
      CORE_BENCH.rawFastify,
      payload.body,
      payloadEnv,
      NODE_ARGS,
    ),
    await started('SDK stateless pattern, same payload', CORE_BENCH.sdkPattern, payload.body, payloadEnv),
    appSide(`${PAYLOAD_APP} · ${payload.name} (cached)`, annuaire, '/mcp', payload.body, idleOf(PAYLOAD_APP)),
    appSide(
      `${PAYLOAD_APP} · ${payload.name} (cached, 2026-07-28 client)`,
      annuaire,
      '/mcp',
      modern.body,
      idleOf(PAYLOAD_APP),
      modern.headers,
    ),
    appSide(
      `all-in-one · /mcp ${PAYLOAD_APP}_${payload.name} (cached)`,
      allInOne,
      '/mcp',
      prefixed,
      idleOf('all-in-one'),
    ),
    appSide(
      `all-in-one · /${PAYLOAD_APP}/mcp ${payload.name} (cached)`,
      allInOne,
      `/${PAYLOAD_APP}/mcp`,
      payload.body,
      idleOf('all-in-one'),
    ),
  ];
  const payloadFigures = await interleave(payloadSides, rounds);

  say(
    `${PAYLOAD_APP} after test:load's load: ${LOAD_REQUESTS} calls over ${LOAD_CONNECTIONS} connections, a ${SOAK_SECONDS} s soak at ${CONNECTIONS}, then ${AFTER_SOAK_SECONDS} s at rest…`,
  );
  const afterLoad = await loadThenRest(annuaire, payload.body, {
    requests: LOAD_REQUESTS,
    connections: LOAD_CONNECTIONS,
    soakSeconds: SOAK_SECONDS,
    soakConnections: CONNECTIONS,
    restSeconds: AFTER_SOAK_SECONDS,
  });
  await stopAll();
  kept.clear();

  say(`RSS floor with the apps' Node flags: Node alone, then + each library an app requires…`);
  const floor: Array<{ step: string; rssMb: number }> = [];
  for (const [i, step] of ['Node alone', ...FLOOR_LIBRARIES.map((l) => `+ ${l}`)].entries()) {
    floor.push({
      step,
      rssMb: await idleRss(CORE_BENCH.floor, { env: { BENCH_FLOOR_UPTO: String(i) }, nodeArgs: NODE_ARGS }),
    });
  }
  const floorDefaults = await idleRss(CORE_BENCH.floor);

  const pick = (figures: typeof echoFigures, side: Side) => {
    const f = figures.get(side.name);
    if (!f) throw new Error(`${side.name} was not measured`);
    return f;
  };
  const [rawEcho, sdkEcho, coreEcho] = echoSides.map((s) => pick(echoFigures, s));
  const [rawSame, rawSameFlags, sdkSame, app2025, app2026, aioMcp, aioEndpoint] = payloadSides.map((s) =>
    pick(payloadFigures, s),
  );
  if (
    !rawEcho ||
    !sdkEcho ||
    !coreEcho ||
    !rawSame ||
    !rawSameFlags ||
    !sdkSame ||
    !app2025 ||
    !app2026 ||
    !aioMcp ||
    !aioEndpoint
  )
    throw new Error('a side was not measured');

  const report = renderReport({
    machine: `${cpus()[0]?.model ?? 'cpu'} × ${cpus().length}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`,
    load: `load average ${loadBefore.map((l) => l.toFixed(1)).join(' / ')} before, ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' / ')} after (1/5/15 min)`,
    settings: `autocannon, ${CONNECTIONS} connections, POST /mcp tools/call; ratios: ${ROUNDS} interleaved rounds of ${SECONDS} s per side after a 2 s warm-up, median round; single-flight: ${SINGLE_FLIGHT} identical concurrent calls; cache: ${CACHED_CALLS} repeated calls`,
    date: new Date().toISOString().slice(0, 16).replace('T', ' '),
    echo: { raw: rawEcho, sdk: sdkEcho, core: coreEcho },
    payload: {
      raw: rawSame,
      rawFlags: rawSameFlags,
      sdk: sdkSame,
      app: app2025,
      modern: app2026,
      aioMcp,
      aioEndpoint,
    },
    ratios: {
      coreVsRaw: ratioOf(coreEcho, rawEcho),
      coreVsSdk: ratioOf(coreEcho, sdkEcho),
      appVsRaw: ratioOf(app2025, rawSame),
      sdkVsRaw: ratioOf(sdkSame, rawSame),
      modernVsApp: ratioOf(app2026, app2025),
      modernVsRaw: ratioOf(app2026, rawSame),
      aioMcpVsApp: ratioOf(aioMcp, app2025),
      aioEndpointVsApp: ratioOf(aioEndpoint, app2025),
    },
    payloadApp: PAYLOAD_APP,
    afterLoad: { ...afterLoad, idleRssMb: idleOf(PAYLOAD_APP) },
    floor,
    floorDefaults,
    nodeArgs: NODE_ARGS,
    apps,
    singleFlight: SINGLE_FLIGHT,
  });
  say(`\n${report}`);

  if (process.env.BENCH_WRITE !== '0') {
    const doc = fileURLToPath(new URL('../../../../docs/benchmarks.md', import.meta.url));
    const text = readFileSync(doc, 'utf8');
    const start = '<!-- bench:start -->';
    const end = '<!-- bench:end -->';
    const a = text.indexOf(start);
    const b = text.indexOf(end);
    if (a === -1 || b === -1) throw new Error(`docs/benchmarks.md lacks the ${start} / ${end} markers`);
    writeFileSync(doc, `${text.slice(0, a + start.length)}\n${report}\n${text.slice(b)}`);
    say(`written to ${doc}`);
  }
} finally {
  await stopAll();
  rmSync(work, { recursive: true, force: true });
}
