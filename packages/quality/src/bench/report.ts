import type { AppFigures, Comparisons } from './figures.js';
import type { Ratio } from './interleave.js';
import type { Row } from './measure.js';

const ratio = (a: number, b: number) => (b > 0 ? (a / b).toFixed(2) : '–');
const met = (ok: boolean) => (ok ? 'met' : '**not met**');
/** `1.23× (rounds 1.20, 1.23, 1.31)`: the median round's ratio, then every round's. */
const rounds = (r: Ratio) =>
  `${r.median.toFixed(2)}× (rounds ${r.rounds.map((v) => v.toFixed(2)).join(', ')})`;

/** One target line: the figure, its target, whether it is met, and the baseline it is measured against. */
const target = (label: string, value: string, goal: string, ok: boolean, baseline: string) =>
  `- ${label} = **${value}** (target ${goal}: ${met(ok)}; issue baseline ${baseline})`;

/** The Markdown section `pnpm bench` writes: the targets first, then the tables. */
export const renderReport = (
  r: Comparisons & {
    machine: string;
    load: string;
    settings: string;
    date: string;
    payloadApp: string;
    /** The payload app after test:load's burst, a soak and a rest (its idle RSS beside). */
    afterLoad: { loadedRssMb: number; restedRssMb: number; idleRssMb: number; label: string };
    /** With the apps' Node flags: Node alone, then + each library. */
    floor: Array<{ step: string; rssMb: number }>;
    /** The whole floor with Node's default flags. */
    floorDefaults: number;
    nodeArgs: string[];
    apps: AppFigures[];
    singleFlight: number;
  },
): string => {
  const { echo, payload, ratios } = r;
  const cached = r.apps.find((a) => a.app === r.payloadApp);
  const aio = r.apps.find((a) => a.app === 'all-in-one');
  const floorMb = r.floor.at(-1)?.rssMb ?? 0;
  const app = payload.app.row;
  const raw = payload.raw.row;
  const flags = `\`${r.nodeArgs.join(' ') || '(none)'}\``;
  const lines = [
    `Run ${r.date} UTC on ${r.machine}; ${r.load}.`,
    `Command: \`pnpm bench\` (${r.settings}). Apps run with the image's Node flags: ${flags}; the baselines with Node's defaults (and bare Fastify once more with the image's flags).`,
    '',
    '**Targets (ratios from this one run)**',
    '',
    target(
      `${r.payloadApp} cached \`${cached?.tool}\` (${cached?.answerBytes} bytes) / bare Fastify sending the same bytes`,
      rounds(ratios.appVsRaw),
      '≥ 0.8×',
      ratios.appVsRaw.median >= 0.8,
      '0.31–0.45×',
    ),
    `- SDK stateless pattern sending the same bytes / bare Fastify = **${rounds(ratios.sdkVsRaw)}** (issue baseline 0.23–0.31×)`,
    target(
      `${r.payloadApp} loaded RSS / bare Fastify's under the same load`,
      `${ratio(app.loadedRssMb, raw.loadedRssMb)}× (${app.loadedRssMb} vs ${raw.loadedRssMb} MB)`,
      '≤ 1.3×',
      app.loadedRssMb <= 1.3 * raw.loadedRssMb,
      'annuaire 175–214 MB vs Fastify 106–131 MB',
    ),
    `- ${r.payloadApp} loaded RSS / bare Fastify's run with the image's flags too = **${ratio(app.loadedRssMb, payload.rawFlags.row.loadedRssMb)}×** (${app.loadedRssMb} vs ${payload.rawFlags.row.loadedRssMb} MB)`,
    target(
      `${r.payloadApp} idle RSS (at rest, 1 s after it listens) vs the floor of its libraries (${floorMb} MB, same flags) + 5 MB`,
      `${app.idleRssMb} MB`,
      `≤ ${(floorMb + 5).toFixed(1)} MB`,
      app.idleRssMb <= floorMb + 5,
      '111–112 MB, then with its loopback replay upstreams in the same process',
    ),
    target(
      `${r.payloadApp} RSS after the load and the soak (${r.afterLoad.label}) / its idle RSS`,
      `${ratio(r.afterLoad.restedRssMb, r.afterLoad.idleRssMb)}× (${r.afterLoad.restedRssMb} vs ${r.afterLoad.idleRssMb} MB; ${r.afterLoad.loadedRssMb} MB as the soak ended)`,
      '≤ 2×',
      r.afterLoad.restedRssMb <= 2 * r.afterLoad.idleRssMb,
      '205–370 MB after test:load for a live heap of ~25 MB; every app with the 5-minute soak: `pnpm test:load` (see Load)',
    ),
    `- ${r.payloadApp} RSS after its first ${r.singleFlight + 101} calls (before any load) = **${cached?.warmRssMb} MB** (floor + ${((cached?.warmRssMb ?? 0) - floorMb).toFixed(1)} MB)`,
    target(
      `${r.payloadApp} cached \`${cached?.tool}\` from a 2026-07-28 client / the same call from a 2025 client`,
      rounds(ratios.modernVsApp),
      '≈ 1×, ≥ 0.9×',
      ratios.modernVsApp.median >= 0.9,
      'the SDK handler, 1.6× the SDK pattern only',
    ),
    `- ${r.payloadApp} cached \`${cached?.tool}\`, 2026-07-28 client / bare Fastify sending the same bytes = **${rounds(ratios.modernVsRaw)}**`,
    target(
      `all-in-one idle RSS / ${r.payloadApp}'s idle RSS`,
      `${ratio(aio?.row.idleRssMb ?? 0, app.idleRssMb)}× (${aio?.row.idleRssMb} vs ${app.idleRssMb} MB)`,
      '≤ 1.3×',
      (aio?.row.idleRssMb ?? Number.POSITIVE_INFINITY) <= 1.3 * app.idleRssMb,
      'none (new)',
    ),
    ...(
      [
        [payload.aioMcp.row, ratios.aioMcpVsApp],
        [payload.aioEndpoint.row, ratios.aioEndpointVsApp],
      ] as const
    ).map(([row, q]) =>
      target(
        `${row.name} / ${r.payloadApp} alone`,
        rounds(q),
        'as fast, ≥ 0.9×',
        q.median >= 0.9,
        'none (new)',
      ),
    ),
    target(
      '@mcp/core trivial tool (echo) / raw Fastify echo',
      rounds(ratios.coreVsRaw),
      '≥ 0.5×',
      ratios.coreVsRaw.median >= 0.5,
      '0.53–0.63×',
    ),
    target(
      '@mcp/core trivial tool (echo) / SDK stateless pattern',
      rounds(ratios.coreVsSdk),
      '≥ 5×',
      ratios.coreVsSdk.median >= 5,
      '16–18×',
    ),
    ...r.apps.map(
      (a) =>
        `- ${a.app} cached \`${a.tool}\` (its own run, not interleaved) / raw Fastify echo = **${ratio(a.row.rps, echo.raw.row.rps)}×**, / SDK pattern echo = **${ratio(a.row.rps, echo.sdk.row.rps)}×**`,
    ),
    '',
    "Interleaved sides (req/s of the median round; idle RSS at rest after start-up; loaded RSS right after the side's last round):",
    '',
    '| side | req/s | p50 ms | p99 ms | idle RSS MB | loaded RSS MB |',
    '|---|---:|---:|---:|---:|---:|',
    ...[...Object.values(echo), ...Object.values(payload)].map((f) => tableRow(f.row)),
    '',
    'Each app alone, its own cached call (one run after its single-flight and cache checks):',
    '',
    '| app · cached call | req/s | p50 ms | p99 ms | idle RSS MB | RSS after first calls MB | loaded RSS MB |',
    '|---|---:|---:|---:|---:|---:|---:|',
    ...r.apps.map(
      (a) =>
        `| ${a.row.name} | ${a.row.rps} | ${a.row.p50} | ${a.row.p99} | ${a.row.idleRssMb} | ${a.warmRssMb} | ${a.row.loadedRssMb} |`,
    ),
    '',
    `**Idle RSS floor** (a process loading only the libraries every app requires, listening on loopback, run with the apps' flags ${flags}; with Node's defaults the whole floor is ${r.floorDefaults} MB):`,
    '',
    '| step | idle RSS MB |',
    '|---|---:|',
    ...r.floor.map((f) => `| ${f.step} | ${f.rssMb} |`),
    '',
    `| app · tool | answer bytes | cold start to first answer ms | upstream requests, one call alone | upstream requests, ${r.singleFlight} identical concurrent calls | upstream requests per cached call |`,
    '|---|---:|---:|---:|---:|---:|',
    ...r.apps.map(
      (a) =>
        `| ${a.app} · ${a.tool} | ${a.answerBytes} | ${a.coldStartMs} | ${a.sampleUpstream} | ${a.singleFlightUpstream} | ${a.cachedUpstreamPerCall} |`,
    ),
  ];
  return lines.join('\n');
};

const tableRow = (m: Row) =>
  `| ${m.name} | ${m.rps} | ${m.p50} | ${m.p99} | ${m.idleRssMb} | ${m.loadedRssMb} |`;
