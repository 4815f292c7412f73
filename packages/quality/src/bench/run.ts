// `pnpm bench` (packages/quality): in one run on loopback, raw Fastify, the SDK's documented stateless
// pattern, @mcp/core's full stack (core's own bench servers) and a cached tool call of each app; plus
// each app's cold start, idle/loaded RSS and upstream requests per tool call. Prints the report and
// writes it between the markers of docs/benchmarks.md (BENCH_WRITE=0 to only print).
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { APP_CASES, cachedCall } from '../apps/index.js';
import { BUNDLED_SERVE_APP, buildServers, CORE_BENCH, FLOOR_LIBRARIES } from '../support/build.js';
import { toolCallBody } from '../support/cannon.js';
import { imageNodeOptions } from '../support/node-options.js';
import { rpc } from '../support/rpc.js';
import { spawnAlone } from '../support/spawn-alone.js';
import { spawnApp } from '../support/spawn-app.js';
import { measureCall, modernToolCall } from './alone.js';
import type { AllInOneFigures, AppFigures } from './figures.js';
import { idleRss, measureBaseline, type Row } from './measure.js';
import { renderReport } from './report.js';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 8);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);
/** The app whose cached answer the payload baselines send too (a 15 KB record). */
const PAYLOAD_APP = 'annuaire';
// The apps run with the Node flags of their Docker image, as in production.
const NODE_ARGS = imageNodeOptions();
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

say('baselines: raw Fastify, SDK stateless pattern, @mcp/core full stack (echo)…');
const baselines = [
  await measureBaseline('raw Fastify JSON echo', CORE_BENCH.rawFastify, echo, opts),
  await measureBaseline('SDK stateless pattern (echo)', CORE_BENCH.sdkPattern, echo, opts),
  await measureBaseline('@mcp/core full stack (echo)', CORE_BENCH.coreStack, echo, {
    ...opts,
    authorization: basic,
  }),
];

const work = mkdtempSync(join(tmpdir(), 'mcp-bench-'));
const payloadFile = join(work, 'payload.json');
let payloadBody: string | undefined;
let payloadCall: { name: string; arguments: Record<string, unknown> } | undefined;
let modernRow: Row | undefined;
const apps: AppFigures[] = [];
for (const app of APP_CASES) {
  say(`${app.app}…`);
  // A first process: cold start to the first answer of a real (uncached) tool call, and what that one
  // call costs upstream.
  const t0 = performance.now();
  const cold = await spawnApp(app.app, { entry: BUNDLED_SERVE_APP, nodeArgs: NODE_ARGS });
  const coldUp = { env: cold.env, requests: () => 0, close: async () => {} };
  const call = cachedCall(app, coldUp);
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
  // Then the app alone in its own process (its upstreams in another), cache cold again: single-flight,
  // then the cache, then throughput.
  const alone = await spawnAlone(app.app, NODE_ARGS);
  const { proc, up } = alone;
  try {
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
    const idleRssMb = proc.rssMb();
    const body = toolCallBody(fresh.name, fresh.arguments);
    if (app.app === PAYLOAD_APP) {
      writeFileSync(payloadFile, JSON.stringify(answer.result));
      payloadBody = body;
      payloadCall = fresh;
    }
    const auth = { authorization: proc.authorization };
    const r = await measureCall(app.app, { url: proc.mcpUrl, body, ...auth }, opts);
    apps.push({
      app: app.app,
      tool: call.name,
      coldStartMs,
      answerBytes,
      singleFlightUpstream,
      sampleUpstream,
      cachedUpstreamPerCall,
      row: { name: `${app.app} · ${call.name} (cached)`, ...r, idleRssMb, loadedRssMb: proc.rssMb() },
    });
    if (app.app === PAYLOAD_APP) {
      // The same cached call from a 2026-07-28 client, same process, same load.
      const modern = modernToolCall(fresh.name, fresh.arguments);
      const m = await measureCall(`${app.app} (2026-07-28)`, { url: proc.mcpUrl, ...modern, ...auth }, opts);
      modernRow = {
        name: `${app.app} · ${call.name} (cached, 2026-07-28 client)`,
        ...m,
        idleRssMb,
        loadedRssMb: proc.rssMb(),
      };
    }
  } finally {
    await alone.stop();
  }
}

if (!payloadCall) throw new Error(`${PAYLOAD_APP} was not measured`);
say('all-in-one: the same cached call on /mcp (prefixed) and on /annuaire/mcp…');
const allInOne = await spawnAlone('all-in-one', NODE_ARGS);
let allInOneFigures: AllInOneFigures;
try {
  const { proc } = allInOne;
  const prefixed = { name: `${PAYLOAD_APP}_${payloadCall.name}`, arguments: payloadCall.arguments };
  const answers = await Promise.all(
    Array.from({ length: SINGLE_FLIGHT }, () => rpc(proc, 'tools/call', prefixed)),
  );
  if (answers.some((a) => a.result?.isError || !a.result))
    throw new Error(`all-in-one: ${prefixed.name} failed`);
  for (let i = 0; i < CACHED_CALLS; i++) await rpc(proc, 'tools/call', prefixed);
  const idleRssMb = proc.rssMb();
  const auth = { authorization: proc.authorization };
  const onMcp = await measureCall(
    'all-in-one /mcp',
    { url: proc.mcpUrl, body: toolCallBody(prefixed.name, prefixed.arguments), ...auth },
    opts,
  );
  const mcpRss = proc.rssMb();
  const onEndpoint = await measureCall(
    `all-in-one /${PAYLOAD_APP}/mcp`,
    {
      url: `${proc.url}/${PAYLOAD_APP}/mcp`,
      body: toolCallBody(payloadCall.name, payloadCall.arguments),
      ...auth,
    },
    opts,
  );
  allInOneFigures = {
    idleRssMb,
    prefixed: {
      name: `all-in-one · /mcp ${prefixed.name} (cached)`,
      ...onMcp,
      idleRssMb,
      loadedRssMb: mcpRss,
    },
    endpoint: {
      name: `all-in-one · /${PAYLOAD_APP}/mcp ${payloadCall.name} (cached)`,
      ...onEndpoint,
      idleRssMb,
      loadedRssMb: proc.rssMb(),
    },
  };
} finally {
  await allInOne.stop();
}

if (!payloadBody) throw new Error(`${PAYLOAD_APP} was not measured`);
say(`same payload as ${PAYLOAD_APP}: raw Fastify, SDK stateless pattern…`);
const payloadEnv = { env: { BENCH_PAYLOAD: payloadFile } };
const payloadBaselines = [
  await measureBaseline('raw Fastify, same payload', CORE_BENCH.rawFastify, payloadBody, {
    ...opts,
    ...payloadEnv,
  }),
  await measureBaseline('SDK stateless pattern, same payload', CORE_BENCH.sdkPattern, payloadBody, {
    ...opts,
    ...payloadEnv,
  }),
];
rmSync(work, { recursive: true, force: true });

say('RSS floor: Node alone, then + each library an app requires…');
const floor: Array<{ step: string; rssMb: number }> = [];
for (const [i, step] of ['Node alone', ...FLOOR_LIBRARIES.map((l) => `+ ${l}`)].entries()) {
  floor.push({ step, rssMb: await idleRss(CORE_BENCH.floor, { BENCH_FLOOR_UPTO: String(i) }) });
}

const report = renderReport({
  machine: `${cpus()[0]?.model ?? 'cpu'} × ${cpus().length}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`,
  load: `load average ${loadBefore.map((l) => l.toFixed(1)).join(' / ')} before, ${loadavg()
    .map((l) => l.toFixed(1))
    .join(' / ')} after (1/5/15 min)`,
  settings: `autocannon, ${CONNECTIONS} connections, POST /mcp tools/call, ${SECONDS} s per target after a 2 s warm-up; single-flight: ${SINGLE_FLIGHT} identical concurrent calls; cache: ${CACHED_CALLS} repeated calls`,
  date: new Date().toISOString().slice(0, 16).replace('T', ' '),
  baselines,
  payloadBaselines,
  payloadApp: PAYLOAD_APP,
  floor,
  nodeArgs: NODE_ARGS,
  apps,
  ...(modernRow ? { modern: modernRow } : {}),
  allInOne: allInOneFigures,
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
